package dev.gosync.bundle.archive;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts decompressed bytes and fails once they pass a limit, so a small hostile bundle cannot
 * expand without end (in padding, pax headers or extra entries) before other checks see it.
 */
final class DecompressionLimit extends FilterInputStream {
    private final String name;
    private long limit;
    private long count;

    DecompressionLimit(InputStream decompressed, long limit, String name) {
        super(decompressed);
        this.limit = limit;
        this.name = name;
    }

    void setLimit(long limit) {
        this.limit = limit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            add(skipped);
        }
        return skipped;
    }

    /** No mark/reset: re-reading bytes after a reset would count them twice. */
    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            throw new BundleException(Problem.TOO_LARGE, name + " decompresses to more than " + limit + " bytes, more "
                    + "than its manifest accounts for: it may be a decompression bomb", "do not use this bundle");
        }
    }
}
