package dev.gosync.bundle.archive;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.ManifestException;
import dev.gosync.bundle.parts.BundleOutput;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A bundle written in two steps, so that its files can be written while later ones are still
 * being fetched: first the files, in manifest order, as each becomes ready ({@link #add}); then
 * the manifest, which needs every file's digest, in front of them ({@link #finish}).
 *
 * <p>The files' tar entries go into a temporary file (next to the target, or in a directory the
 * caller names): with zstd, as one
 * compressed frame; with gzip, as plain tar. {@link #finish} writes the head (the manifest and
 * signature entries) and then the files: with zstd, the head as a frame of its own followed by
 * the files' frame (zstd frames concatenate: readers see one tar stream); with gzip, head and
 * files compressed together as one member. Either way the bytes depend only on the manifest,
 * the file bytes, the key and the settings, never on when {@link #add} was called.
 *
 * <p>Nothing appears under the target name unless {@link #finish} succeeds; {@link #close}
 * without it deletes everything written. Not thread-safe: one thread adds the files.
 */
public final class BundleBody implements AutoCloseable {
    private static final int BUFFER = 1 << 16;
    private static final int COPY_BUFFER = 1 << 20;

    private final BundleWriter writer;
    private final Path target;
    private final Instant mtime;
    private final BundleOutput output;
    private final Path temp;
    private final FileOutputStream file;
    private final OutputStream compressed;
    private final TarArchiveOutputStream tar;
    private final List<FileRow> rows = new ArrayList<>();
    private boolean done;

    BundleBody(BundleWriter writer, Path target, Instant mtime, BundleOutput output, Path tempDir) {
        this.writer = writer;
        this.target = target;
        this.mtime = mtime;
        this.output = output;
        Path created = null;
        FileOutputStream opened = null;
        try {
            created = Files.createTempFile(tempDir, "." + target.getFileName() + ".", ".body.tmp");
            // A run stopped by Ctrl-C or SIGTERM skips close(); the JVM's exit hook still removes it.
            created.toFile().deleteOnExit();
            opened = new FileOutputStream(created.toFile());
            this.temp = created;
            this.file = opened;
            OutputStream buffered = new BufferedOutputStream(opened, BUFFER);
            this.compressed = writer.compression() == Compression.ZSTD ? writer.compress(buffered) : buffered;
            this.tar = TarEntries.openBlocks(new BufferedOutputStream(compressed, BUFFER));
        } catch (IOException e) {
            closeQuietly(opened);
            deleteQuietly(created);
            throw new BundleException(Problem.IO, "cannot create a temporary file in " + tempDir + " for " + target + ": "
                    + e.getMessage(), "check that the directory exists and is writable", e);
        }
    }

    /**
     * Appends the next file, checking its size and SHA-256 against {@code row} as it is copied.
     *
     * @throws BundleException {@code CONTENT_MISMATCH} when the bytes differ from the row, {@code IO}
     */
    public void add(FileRow row, InputStream content) {
        copy(row, content, sha256());
    }

    /**
     * Appends the next file, checking only its size: for a caller that has just computed the
     * SHA-256 of these very bytes (and made sure they cannot have changed since), to save hashing
     * them a second time. The reader checks every file's SHA-256 against the manifest again.
     */
    public void addDigested(FileRow row, InputStream content) {
        copy(row, content, null);
    }

    /** The rows added so far, in order. */
    public List<FileRow> rows() {
        return List.copyOf(rows);
    }

    /**
     * Puts the manifest (and its signature) in front of the files and publishes the bundle.
     *
     * @throws ManifestException when the manifest does not fit the writer, or its files are not
     *     exactly the rows added, in order
     * @throws BundleException {@code IO}, {@code TOO_LARGE}, {@code TARGET_EXISTS}; nothing is left behind
     */
    public WrittenBundle finish(Manifest manifest) {
        if (done) {
            throw new IllegalStateException("the bundle is finished or aborted already");
        }
        try {
            byte[] manifestBytes = writer.manifestBytes(manifest);
            if (!manifest.files().equals(rows)) {
                throw new ManifestException("the manifest lists " + manifest.files().size() + " files, not the "
                        + rows.size() + " added to the bundle in the same order", "add exactly the manifest's rows");
            }
            if (!manifest.created().equals(mtime)) {
                throw new ManifestException("the manifest was created at " + manifest.created()
                        + ", the bundle's entries carry " + mtime, "begin the bundle with the manifest's created time");
            }
            byte[] signature = writer.sign(manifestBytes);
            tar.finish();
            tar.close();
            byte[] head = head(manifestBytes, signature);
            OutputStream out = new BufferedOutputStream(output.stream(), BUFFER);
            if (writer.compression() == Compression.ZSTD) {
                try (OutputStream frame = writer.compress(new Unclosable(out))) {
                    frame.write(head);
                }
                out.flush();
                output.append(temp);
            } else {
                try (OutputStream member = writer.compress(new Unclosable(out))) {
                    member.write(head);
                    copyBody(member);
                }
                out.flush();
            }
            WrittenBundle written = new WrittenBundle(manifest.id(), output.commit(manifest.id()), output.size());
            done = true;
            deleteQuietly(temp);
            return written;
        } catch (IOException e) {
            close();
            throw new BundleException(Problem.IO, "cannot write bundle " + target + ": " + e.getMessage(),
                    "check free space and permissions of the target directory", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Deletes everything written, unless {@link #finish} succeeded; safe to call more than once. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        closeQuietly(tar);
        closeQuietly(file);
        deleteQuietly(temp);
        output.abort();
    }

    private void copy(FileRow row, InputStream content, MessageDigest sha) {
        if (done) {
            throw new IllegalStateException("the bundle is finished or aborted already");
        }
        try (InputStream in = content) {
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
                if (sha != null) {
                    sha.update(buf, 0, n);
                }
                remaining -= n;
            }
            if (remaining > 0) {
                throw mismatch(row, "has " + (row.size() - remaining) + " bytes, the manifest says " + row.size());
            }
            if (sha != null) {
                String actual = HexFormat.of().formatHex(sha.digest());
                if (!actual.equals(row.sha256())) {
                    throw mismatch(row, "has sha256 " + actual + ", the manifest says " + row.sha256());
                }
            }
            tar.closeArchiveEntry();
            rows.add(row);
        } catch (IOException e) {
            close();
            throw new BundleException(Problem.IO, "cannot copy " + row.path() + " into the bundle " + target + ": "
                    + e.getMessage(), "check the source the file comes from, and free space next to the bundle", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The manifest and signature entries as plain tar, without an end: the files' entries follow. */
    private byte[] head(byte[] manifestBytes, byte[] signature) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(manifestBytes.length + 4096);
        TarArchiveOutputStream head = TarEntries.openBlocks(bytes);
        TarEntries.putBytes(head, BundleLayout.MANIFEST_ENTRY, manifestBytes, mtime);
        if (signature != null) {
            TarEntries.putBytes(head, BundleLayout.SIGNATURE_ENTRY, signature, mtime);
        }
        head.flush();
        byte[] written = bytes.toByteArray();
        if (written.length % TarConstants.DEFAULT_RCDSIZE != 0) {
            throw new IllegalStateException("tar entries end on a block boundary");
        }
        return written;
    }

    private void copyBody(OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(temp)) {
            byte[] buf = new byte[COPY_BUFFER];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
            }
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

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // Cleaning up after a failure must not hide the failure.
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Cleaning up after a failure must not hide the failure.
            }
        }
    }

    /** Lets a compressor end its frame or member without closing the bundle's stream under it. */
    private static final class Unclosable extends OutputStream {
        private final OutputStream out;

        Unclosable(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
