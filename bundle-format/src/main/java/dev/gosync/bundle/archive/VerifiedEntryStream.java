package dev.gosync.bundle.archive;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.manifest.FileRow;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The content of one file entry, hashed as it is read. The read that reaches the end throws
 * instead of returning -1 when the size or SHA-256 differ from the manifest row, so a consumer
 * that reads to the end has either verified bytes or an error. Closing it leaves the archive open.
 */
final class VerifiedEntryStream extends InputStream {
    private final InputStream entry;
    private final FileRow row;
    private final Function<IOException, RuntimeException> failure;
    private final MessageDigest sha;
    private long count;
    private boolean verified;

    VerifiedEntryStream(InputStream entry, FileRow row, Function<IOException, RuntimeException> failure) {
        this.entry = entry;
        this.row = row;
        this.failure = failure;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (verified) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n;
        try {
            n = entry.read(b, off, len);
        } catch (IOException e) {
            throw failure.apply(e);
        }
        if (n < 0) {
            verify();
            return -1;
        }
        sha.update(b, off, n);
        count += n;
        return n;
    }

    /** Reads and verifies whatever the consumer left unread. */
    void drain() {
        byte[] buf = new byte[65536];
        while (read(buf, 0, buf.length) >= 0) {
            // Only the hashing matters.
        }
    }

    long bytesRead() {
        return count;
    }

    @Override
    public void close() {
        // The archive stream belongs to the reader; the next entry drains and verifies this one.
    }

    private void verify() {
        verified = true;
        if (count != row.size()) {
            throw new BundleException(Problem.CORRUPT, "file " + row.path() + " ended after " + count + " of "
                    + row.size() + " bytes", "obtain the bundle again");
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(row.sha256())) {
            throw new BundleException(Problem.CONTENT_MISMATCH, "file " + row.path() + " has sha256 " + actual
                    + ", the manifest says " + row.sha256() + ": its content was altered", "do not use this bundle");
        }
    }
}
