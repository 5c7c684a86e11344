package dev.gosync.bundle.archive;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.manifest.BundlePath;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.ManifestCodec;
import dev.gosync.bundle.parts.BundleInput;
import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.SignatureException.Reason;
import dev.gosync.bundle.sign.VerifiedSigner;
import dev.gosync.gomod.GosyncException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Reads a bundle, trusting nothing in it until it is checked.
 *
 * <p>{@link #open} reads the manifest and the signature and applies the {@link TrustPolicy}
 * before a single file entry is looked at. {@link #next} then streams the files: every entry
 * must be a regular file with a safe name, listed in the manifest, in manifest order, exactly
 * once, with the manifest's size; its content is hashed while it is read (see
 * {@link BundleEntry}). After the last file, the tar end, the compressed stream's end and, for
 * split bundles, every part are checked too. The decompressed size is bounded by what the
 * manifest accounts for. Every problem is a {@link BundleException},
 * {@link dev.gosync.bundle.manifest.ManifestException} or {@link SignatureException}.
 *
 * <p>Not thread-safe; one consumer reads entries in order.
 */
public final class BundleReader implements Closeable {
    /** Room for the tar headers of the first two entries, before the manifest's size is known. */
    private static final long HEADER_ALLOWANCE = 1L << 20;
    /** Per entry: up to three 512-byte headers, pax data beside the name, and data padding. */
    private static final long ENTRY_OVERHEAD = 4 * 512;
    /** End-of-archive records and zero padding up to a tar block boundary (10240 bytes by default). */
    private static final long END_OVERHEAD = 4 * 10240;
    private static final int MISSING_SHOWN = 5;

    private final BundleInput input;
    private final String name;
    private final BufferedInputStream compressed;
    private final DecompressionLimit decompressed;
    /** The zstd frames read, for a complete end; null for gzip, whose decoder checks that itself. */
    private final ZstdFrameTracker frames;
    private final TarArchiveInputStream tar;
    private final Manifest manifest;
    private final VerifiedSigner signer;
    private final Map<String, Integer> positions = new HashMap<>();
    private int nextRow;
    private VerifiedEntryStream current;
    private boolean finished;

    private BundleReader(BundleInput input, BufferedInputStream compressed, DecompressionLimit decompressed,
            ZstdFrameTracker frames, TarArchiveInputStream tar, Manifest manifest, VerifiedSigner signer) {
        this.input = input;
        this.name = "bundle " + input.name();
        this.compressed = compressed;
        this.decompressed = decompressed;
        this.frames = frames;
        this.tar = tar;
        this.manifest = manifest;
        this.signer = signer;
        List<FileRow> rows = manifest.files();
        for (int i = 0; i < rows.size(); i++) {
            positions.put(rows.get(i).path(), i);
        }
    }

    /**
     * Opens a bundle file (or split bundle: base name, first part or index), reads its manifest
     * and checks its signature according to {@code trust}.
     */
    public static BundleReader open(Path bundle, TrustPolicy trust) {
        BundleInput input = BundleInput.open(bundle);
        String name = "bundle " + input.name();
        // Whatever is open when a check fails gets closed; the zstd decoder holds native memory.
        Closeable opened = input;
        try {
            BufferedInputStream compressed = new BufferedInputStream(input.stream(), 1 << 16);
            Compression compression = Compression.detect(compressed, name);
            ZstdFrameTracker frames = compression == Compression.ZSTD ? new ZstdFrameTracker(compressed) : null;
            InputStream decoder = frames != null ? Compression.zstdDecoder(frames) : compression.decompress(compressed);
            DecompressionLimit decompressed = new DecompressionLimit(decoder,
                    BundleLayout.MAX_MANIFEST_BYTES + BundleLayout.MAX_SIGNATURE_BYTES + HEADER_ALLOWANCE, name);
            opened = decompressed;
            // Block size 512: the tar reader must not skip padding itself, so that checkEnd sees every byte.
            TarArchiveInputStream tar = new TarArchiveInputStream(decompressed, TarConstants.DEFAULT_RCDSIZE, "UTF-8");
            byte[] manifestBytes = readOwnEntry(tar, BundleLayout.MANIFEST_ENTRY, BundleLayout.MAX_MANIFEST_BYTES, name);
            Manifest manifest = ManifestCodec.parse(manifestBytes);
            String expectedId = input.expectedBundleId().orElse(manifest.id());
            if (!expectedId.equals(manifest.id())) {
                throw new BundleException(Problem.PART_MISMATCH, "the parts of " + name + " hold bundle " + manifest.id()
                        + ", but their index belongs to bundle " + expectedId, "copy the matching index file");
            }
            VerifiedSigner signer = null;
            if (manifest.signed()) {
                byte[] signature = readOwnEntry(tar, BundleLayout.SIGNATURE_ENTRY, BundleLayout.MAX_SIGNATURE_BYTES,
                        name);
                signer = checkSignature(manifest, manifestBytes, signature, trust);
            } else if (!trust.allowUnsigned()) {
                throw new SignatureException(Reason.UNSIGNED, name + " (" + manifest.id() + ") is not signed",
                        "import it only if you trust how it reached you, with the option that allows unsigned bundles");
            }
            decompressed.setLimit(decompressed.count() + expectedRemainder(manifest));
            return new BundleReader(input, compressed, decompressed, frames, tar, manifest, signer);
        } catch (IOException e) {
            closeQuietly(opened);
            throw corrupt(input, name, e);
        } catch (GosyncException e) {
            closeQuietly(opened);
            throw input.diagnose().map(RuntimeException.class::cast).orElse(e);
        } catch (RuntimeException e) {
            // The tar parser throws unchecked exceptions on some damaged headers.
            closeQuietly(opened);
            throw corrupt(input, name, e);
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Who signed the bundle; empty when it was read without verifying a signature. */
    public Optional<VerifiedSigner> signer() {
        return Optional.ofNullable(signer);
    }

    /**
     * The next file, or empty after the last one once the end of the bundle has been checked.
     * Whatever the consumer left unread of the previous file is read and verified first.
     */
    public Optional<BundleEntry> next() {
        if (finished) {
            return Optional.empty();
        }
        try {
            if (current != null) {
                current.drain();
                current = null;
            }
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry == null) {
                checkEnd();
                finished = true;
                return Optional.empty();
            }
            FileRow row = expected(entry);
            current = new VerifiedEntryStream(tar, row, e -> corrupt(input, name, e));
            return Optional.of(new BundleEntry(row, current));
        } catch (IOException e) {
            throw corrupt(input, name, e);
        } catch (GosyncException e) {
            throw input.diagnose().map(RuntimeException.class::cast).orElse(e);
        } catch (RuntimeException e) {
            // The tar parser throws unchecked exceptions on some damaged headers.
            throw corrupt(input, name, e);
        }
    }

    /** Reads every remaining file, verifying each and the end of the bundle. */
    public VerifyReport verifyAll() {
        int files = 0;
        long bytes = 0;
        for (Optional<BundleEntry> entry = next(); entry.isPresent(); entry = next()) {
            current.drain();
            files++;
            bytes += current.bytesRead();
        }
        return new VerifyReport(manifest, signer(), files, bytes);
    }

    @Override
    public void close() throws IOException {
        try {
            tar.close();
        } finally {
            input.close();
        }
    }

    private FileRow expected(TarArchiveEntry entry) {
        EntryRules.requireSafeRegularFile(entry, name);
        String path = entry.getName();
        Integer position = positions.get(path);
        if (position == null) {
            throw new BundleException(Problem.UNEXPECTED_ENTRY, name + " has entry " + BundlePath.quote(path)
                    + ", which its manifest does not list", "do not use this bundle; it was altered");
        }
        if (position < nextRow) {
            throw new BundleException(Problem.UNEXPECTED_ENTRY, name + " has entry " + path + " a second time",
                    "do not use this bundle; it was altered");
        }
        FileRow row = manifest.files().get(position);
        if (position > nextRow) {
            throw new BundleException(Problem.MISSING_FILE, name + " lacks " + manifest.files().get(nextRow).path()
                    + " where the manifest lists it (the next entry is " + path + ")",
                    "obtain the bundle again; it is incomplete or was reordered");
        }
        if (entry.getSize() != row.size()) {
            throw new BundleException(Problem.CONTENT_MISMATCH, name + " entry " + path + " has " + entry.getSize()
                    + " bytes, the manifest says " + row.size(), "do not use this bundle; it was altered");
        }
        nextRow = position + 1;
        return row;
    }

    /** After the tar's end: no missing files, only zero padding, nothing after the compressed data. */
    private void checkEnd() throws IOException {
        if (nextRow < manifest.files().size()) {
            List<FileRow> missing = manifest.files().subList(nextRow, manifest.files().size());
            StringBuilder list = new StringBuilder();
            missing.stream().limit(MISSING_SHOWN).forEach(r -> list.append(list.length() == 0 ? "" : ", ")
                    .append(r.path()));
            throw new BundleException(Problem.MISSING_FILE, name + " ends without " + missing.size() + " file(s) its "
                    + "manifest lists: " + list + (missing.size() > MISSING_SHOWN ? ", ..." : ""),
                    "obtain the bundle again; it is incomplete");
        }
        // Zero padding to a block boundary is normal; how much of it is allowed is the decompression limit's job.
        byte[] buf = new byte[8192];
        for (int n = decompressed.read(buf); n >= 0; n = decompressed.read(buf)) {
            for (int i = 0; i < n; i++) {
                if (buf[i] != 0) {
                    throw trailing("data after the end of the tar archive");
                }
            }
        }
        if (compressed.read() >= 0) {
            throw trailing("data after the end of the compressed stream");
        }
        String incomplete = frames == null ? null : frames.incompleteness();
        if (incomplete != null) {
            throw corrupt(input, name, new IOException(incomplete));
        }
    }

    private BundleException trailing(String what) {
        return new BundleException(Problem.TRAILING_DATA, name + " has " + what, "do not use this bundle; it was "
                + "altered or joined with other data");
    }

    private static long expectedRemainder(Manifest manifest) {
        long total = END_OVERHEAD;
        for (FileRow row : manifest.files()) {
            total += row.size() + ENTRY_OVERHEAD + row.path().length();
        }
        return total;
    }

    private static byte[] readOwnEntry(TarArchiveInputStream tar, String expected, long max, String name)
            throws IOException {
        TarArchiveEntry entry = tar.getNextEntry();
        if (entry == null || !entry.getName().equals(expected)) {
            throw new BundleException(Problem.NOT_A_BUNDLE, name + " does not have " + expected + " where a gosync "
                    + "bundle has it (found " + (entry == null ? "the end of the archive" : BundlePath.quote(
                    entry.getName())) + ")", "check that this is a gosync bundle");
        }
        EntryRules.requireSafeRegularFile(entry, name);
        if (entry.getSize() > max) {
            throw new BundleException(Problem.TOO_LARGE, name + ": " + expected + " has " + entry.getSize()
                    + " bytes, more than the " + max + " a reader accepts", "do not use this bundle");
        }
        byte[] content = tar.readNBytes((int) entry.getSize());
        if (content.length != entry.getSize()) {
            throw new BundleException(Problem.CORRUPT, name + " ends inside " + expected, "obtain the bundle again");
        }
        return content;
    }

    private static VerifiedSigner checkSignature(Manifest manifest, byte[] manifestBytes, byte[] signature,
            TrustPolicy trust) {
        if (trust.verifier() == null) {
            return null;
        }
        if (!trust.verifier().scheme().equals(manifest.signature())) {
            throw new SignatureException(Reason.UNSUPPORTED_KEY, "bundle " + manifest.id() + " is signed with scheme \""
                    + manifest.signature() + "\", but the trust store verifies \"" + trust.verifier().scheme() + "\"",
                    "use a trust store of the bundle's signature scheme");
        }
        return trust.verifier().verify(manifestBytes, signature);
    }

    /**
     * A failure of the decompressor or tar parser (which also throws unchecked exceptions on
     * some damaged headers), explained by a mismatching part when the bundle is split.
     */
    private static RuntimeException corrupt(BundleInput input, String name, Exception e) {
        Optional<BundleException> part = input.diagnose();
        if (part.isPresent()) {
            return part.get();
        }
        return new BundleException(Problem.CORRUPT, name + " is truncated or damaged: " + e.getMessage(),
                "obtain the bundle again", e);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // Closing after a failure; the failure is what gets reported.
        }
    }
}
