package dev.gosync.agent.proxy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response body as handed to callers: each read must make progress within the read timeout
 * (otherwise the stream is closed under it, which ends the blocked read), the body may not exceed
 * a size limit, and every failure says which request it belongs to.
 */
final class BodyStream extends FilterInputStream {
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final String context;
    private final Duration readTimeout;
    private final long limit;
    private final String tooLarge;
    private long count;
    private volatile boolean timedOut;

    /**
     * @param in          the raw body
     * @param context     what the body is, for messages: {@code <subject>: reading <url>}
     * @param readTimeout the longest a single read may wait
     * @param limit       the most bytes the body may have
     * @param tooLarge    the reason given when it has more
     */
    BodyStream(InputStream in, String context, Duration readTimeout, long limit, String tooLarge) {
        super(in);
        this.context = context;
        this.readTimeout = readTimeout;
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (Thread.currentThread().isInterrupted()) {
            // A blocking socket read does not end on interrupt: an export stopping its other
            // downloads after a failure ends them here, between two reads.
            throw new InterruptedIOException(context + ": interrupted");
        }
        ScheduledFuture<?> deadline = DEADLINES.schedule(this::expire, readTimeout.toNanos(), TimeUnit.NANOSECONDS);
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            String problem = timedOut
                    ? "no data for " + Durations.format(readTimeout) + " (read timeout)"
                    : HttpTransport.describeTransport(e);
            throw new BodyException(context + ": " + problem, true, e);
        } finally {
            deadline.cancel(false);
        }
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new BodyException(context + ": " + tooLarge, false, null);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void expire() {
        timedOut = true;
        try {
            in.close();
        } catch (IOException e) {
            // The blocked read fails either way; this close error adds nothing.
        }
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "gosync-read-deadlines");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Reading the body failed; the message is complete, naming the request. */
    static final class BodyException extends IOException {
        private final boolean transient_;

        BodyException(String message, boolean transientFailure, Throwable cause) {
            super(message, cause);
            this.transient_ = transientFailure;
        }

        /** Whether sending the request again may help (a dropped connection, a timeout; not an oversized body). */
        boolean isTransient() {
            return transient_;
        }
    }
}
