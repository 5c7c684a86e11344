package dev.gosync.serve.mirror;

import dev.gosync.gomod.store.StoredFile;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the index records about a bundle being imported, before its files are published.
 *
 * @param bundleId the manifest's id
 * @param channel the manifest's channel
 * @param sequence the manifest's sequence number
 * @param parent the manifest's parent id, or null
 * @param created the manifest's creation time
 * @param signer the signer's key fingerprint, or {@code unsigned}
 * @param principals the names the trust store gives the signer (empty when untrusted or unsigned)
 * @param tool the tool that wrote the bundle
 * @param bundleName the bundle file as the operator named it
 * @param files every file of the bundle with its verified hashes (h1 for .mod and .zip)
 * @param importedAt when the import started
 * @param operator who ran it (the operating-system user)
 * @param overrides each trust or chain override the import needed, described
 * @param advancesChain whether the bundle becomes its channel's newest for this signer
 */
public record ImportRecord(String bundleId, String channel, long sequence, String parent, Instant created,
        String signer, List<String> principals, String tool, String bundleName, List<StoredFile> files,
        Instant importedAt, String operator, List<String> overrides, boolean advancesChain) {

    public ImportRecord {
        Objects.requireNonNull(bundleId, "bundleId");
        principals = List.copyOf(principals);
        files = List.copyOf(files);
        overrides = List.copyOf(overrides);
    }

    public long bytes() {
        return files.stream().mapToLong(StoredFile::size).sum();
    }
}
