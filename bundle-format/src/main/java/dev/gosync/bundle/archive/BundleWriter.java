package dev.gosync.bundle.archive;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.ManifestCodec;
import dev.gosync.bundle.manifest.ManifestException;
import dev.gosync.bundle.parts.BundleOutput;
import dev.gosync.bundle.sign.BundleSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes bundles. Immutable: configure with the {@code with...} methods, then {@link #write}.
 *
 * <p>The archive holds the manifest, its signature (unless unsigned), then every file in
 * manifest order, each streamed from the {@link FileSource} and checked against its row as it
 * is copied. With zstd the manifest and signature are one compressed frame and the files a
 * second: {@link #begin} writes the files before the manifest is known (see {@link BundleBody}). The same manifest, file bytes, key and settings always give the same output bytes
 * (with the same versions of gosync, zstd and the JDK's zlib). Nothing appears under the target
 * name unless the whole bundle was written; see {@link BundleOutput}.
 */
public final class BundleWriter {
    private final BundleSigner signer;
    private final Compression compression;
    private final long partSize;
    /** zstd worker threads; 0 means one per core. Only tests set it, to show it does not change the bytes. */
    private final int workers;

    private BundleWriter(BundleSigner signer, Compression compression, long partSize, int workers) {
        this.signer = signer;
        this.compression = compression;
        this.partSize = partSize;
        this.workers = workers;
    }

    /** A writer that signs with {@code signer}; the manifest's signature field must name its scheme. */
    public static BundleWriter signedBy(BundleSigner signer) {
        return new BundleWriter(signer, Compression.ZSTD, 0, 0);
    }

    /** A writer of unsigned bundles; the manifest's signature field must be {@link Manifest#UNSIGNED}. */
    public static BundleWriter unsigned() {
        return new BundleWriter(null, Compression.ZSTD, 0, 0);
    }

    /** zstd by default. */
    public BundleWriter withCompression(Compression compression) {
        return new BundleWriter(signer, compression, partSize, workers);
    }

    /** Split the output into parts of at most {@code maxPartBytes}; see {@link dev.gosync.bundle.parts}. */
    public BundleWriter withPartSize(long maxPartBytes) {
        if (maxPartBytes <= 0) {
            throw new IllegalArgumentException("part size must be positive, got " + maxPartBytes);
        }
        return new BundleWriter(signer, compression, maxPartBytes, workers);
    }

    /** zstd with exactly {@code n} worker threads instead of one per core. */
    BundleWriter withWorkers(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + n);
        }
        return new BundleWriter(signer, compression, partSize, n);
    }

    /** The scheme a manifest for this writer must name in its signature field. */
    public String signatureScheme() {
        return signer == null ? Manifest.UNSIGNED : signer.scheme();
    }

    /**
     * Writes the bundle described by {@code manifest} to {@code target} (or its parts).
     *
     * @throws BundleException {@code CONTENT_MISMATCH} when a file's bytes differ from its row,
     *     {@code TARGET_EXISTS}, or {@code IO}; nothing is left behind in either case
     * @throws ManifestException when the manifest does not fit this writer or its id is wrong
     */
    public WrittenBundle write(Manifest manifest, FileSource files, Path target) {
        manifestBytes(manifest);
        try (BundleBody body = begin(target, manifest.created())) {
            for (FileRow row : manifest.files()) {
                InputStream source;
                try {
                    source = files.open(row);
                } catch (IOException e) {
                    throw new BundleException(Problem.IO, "cannot read " + row.path() + " for the bundle: "
                            + e.getMessage(), "check the module cache or source the file comes from", e);
                }
                body.add(row, source);
            }
            return body.finish(manifest);
        }
    }

    /**
     * Starts a bundle whose files are added one by one before its manifest is known; see
     * {@link BundleBody}. {@code created} is the manifest's created time to come: every tar entry
     * carries it. The bytes are those {@link #write} gives for the same manifest and files.
     *
     * @throws BundleException {@code TARGET_EXISTS}, or {@code IO} when no file can be created next to the target
     */
    public BundleBody begin(Path target, Instant created) {
        return begin(target, created, target.toAbsolutePath().getParent());
    }

    /**
     * As {@link #begin(Path, Instant)}, with the files' temporary file in {@code tempDir}: for a
     * long export, a directory other than the target's keeps a bundle-sized temporary file off the
     * output medium, which then needs room for the bundle only once.
     */
    public BundleBody begin(Path target, Instant created, Path tempDir) {
        BundleOutput output = partSize == 0 ? BundleOutput.single(target) : BundleOutput.split(target, partSize);
        return new BundleBody(this, target, created, output, tempDir);
    }

    Compression compression() {
        return compression;
    }

    /** The manifest's bytes, after checking that it fits this writer and readers. */
    byte[] manifestBytes(Manifest manifest) {
        if (!manifest.signature().equals(signatureScheme())) {
            throw new ManifestException("the manifest says signature \"" + manifest.signature() + "\" but the writer "
                    + "produces \"" + signatureScheme() + "\"", "build the manifest with signature(writer.signatureScheme())");
        }
        if (!ManifestCodec.bundleId(manifest).equals(manifest.id())) {
            throw new ManifestException("the manifest's id " + manifest.id() + " does not match its content",
                    "build manifests with Manifest.builder()");
        }
        byte[] manifestBytes = ManifestCodec.write(manifest);
        if (manifestBytes.length > BundleLayout.MAX_MANIFEST_BYTES) {
            throw new BundleException(Problem.TOO_LARGE, "the manifest of " + manifest.files().size() + " files takes "
                    + manifestBytes.length + " bytes, more than readers accept (" + BundleLayout.MAX_MANIFEST_BYTES
                    + ")", "split the export into several bundles");
        }
        return manifestBytes;
    }

    /** The detached signature of the manifest, or null for an unsigned bundle. */
    byte[] sign(byte[] manifestBytes) {
        return signer == null ? null : signer.sign(manifestBytes);
    }

    OutputStream compress(OutputStream raw) throws IOException {
        return workers == 0 ? compression.compress(raw) : compression.compress(raw, workers);
    }
}
