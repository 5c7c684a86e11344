package dev.gosync.serve.importer;

import java.time.Duration;
import java.util.List;

/**
 * What one bundle's import did.
 *
 * @param status whether files were imported or the bundle was there already
 * @param bundleId the bundle's id
 * @param bundleName the bundle file as given
 * @param channel its channel
 * @param sequence its sequence number
 * @param parent the bundle it follows, or null
 * @param signer the signing key's fingerprint, or {@code unsigned}
 * @param principals the trust store's names for the signer
 * @param files the files it carries
 * @param bytes their total size
 * @param newFiles how many the mirror did not hold before (0 when already imported)
 * @param overrides every override the import needed, described
 * @param elapsed how long it took
 */
public record ImportResult(Status status, String bundleId, String bundleName, String channel, long sequence,
        String parent, String signer, List<String> principals, int files, long bytes, int newFiles,
        List<String> overrides, Duration elapsed) {

    /** The outcome of an import that was not refused. */
    public enum Status {
        /** The bundle's files were verified and published. */
        IMPORTED,
        /** The mirror had imported this bundle before; nothing changed. */
        ALREADY_IMPORTED
    }

    public ImportResult {
        principals = List.copyOf(principals);
        overrides = List.copyOf(overrides);
    }
}
