package dev.gosync.bundle.archive;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.ManifestCodec;
import dev.gosync.bundle.manifest.ManifestException;
import dev.gosync.bundle.parts.BundleOutput;
import dev.gosync.bundle.sign.BundleSigner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes bundles. Immutable: configure with the {@code with...} methods, then {@link #write}.
 *
 * <p>The archive holds the manifest, its signature (unless unsigned), then every file in
 * manifest order, each streamed from the {@link FileSource} and checked against its row as it
 * is copied. The same manifest, file bytes, key and settings always give the same output bytes
 * (with the same versions of gosync, zstd and the JDK's zlib). Nothing appears under the target
 * name unless the whole bundle was written; see {@link BundleOutput}.
 */
public final class BundleWriter {
    private static final int BUFFER = 1 << 16;

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
        byte[] signature = signer == null ? null : signer.sign(manifestBytes);
        BundleOutput output = partSize == 0 ? BundleOutput.single(target) : BundleOutput.split(target, partSize);
        try {
            try (TarArchiveOutputStream tar = TarEntries.open(new BufferedOutputStream(
                    compress(new BufferedOutputStream(output.stream(), BUFFER)), BUFFER))) {
                Instant mtime = manifest.created();
                TarEntries.putBytes(tar, BundleLayout.MANIFEST_ENTRY, manifestBytes, mtime);
                if (signature != null) {
                    TarEntries.putBytes(tar, BundleLayout.SIGNATURE_ENTRY, signature, mtime);
                }
                for (FileRow row : manifest.files()) {
                    copy(tar, row, files, mtime);
                }
                tar.finish();
            }
            return new WrittenBundle(manifest.id(), output.commit(manifest.id()), output.size());
        } catch (IOException e) {
            output.abort();
            throw new BundleException(Problem.IO, "cannot write bundle " + target + ": " + e.getMessage(),
                    "check free space and permissions of the target directory", e);
        } catch (RuntimeException e) {
            output.abort();
            throw e;
        }
    }

    private OutputStream compress(OutputStream raw) throws IOException {
        return workers == 0 ? compression.compress(raw) : compression.compress(raw, workers);
    }

    private static void copy(TarArchiveOutputStream tar, FileRow row, FileSource files, Instant mtime)
            throws IOException {
        MessageDigest sha = sha256();
        InputStream source;
        try {
            source = files.open(row);
        } catch (IOException e) {
            throw new BundleException(Problem.IO, "cannot read " + row.path() + " for the bundle: " + e.getMessage(),
                    "check the module cache or source the file comes from", e);
        }
        try (InputStream in = source) {
            TarEntries.putFile(tar, row.path(), row.size(), mtime);
            byte[] buf = new byte[BUFFER];
            long remaining = row.size();
            while (true) {
                // Asking for one byte more than the row allows is how an oversized source shows.
                int n = in.read(buf, 0, (int) Math.min(buf.length, remaining + 1));
                if (n < 0) {
                    break;
                }
                if (n > remaining) {
                    throw mismatch(row, "has more than the " + row.size() + " bytes the manifest says");
                }
                tar.write(buf, 0, n);
                sha.update(buf, 0, n);
                remaining -= n;
            }
            if (remaining > 0) {
                throw mismatch(row, "has " + (row.size() - remaining) + " bytes, the manifest says " + row.size());
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(row.sha256())) {
                throw mismatch(row, "has sha256 " + actual + ", the manifest says " + row.sha256());
            }
            tar.closeArchiveEntry();
        }
    }

    private static BundleException mismatch(FileRow row, String what) {
        return new BundleException(Problem.CONTENT_MISMATCH, "file " + row.path() + " " + what
                + "; it changed since the manifest was made", "export again");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
