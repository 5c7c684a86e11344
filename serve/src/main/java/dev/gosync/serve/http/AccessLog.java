package dev.gosync.serve.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line per request in the combined log format, followed by the time taken in milliseconds:
 * {@code host - user [time] "request" status bytes "referer" "user-agent" ms}. Lines are buffered
 * and flushed at least once a second and on close, so logging does not add a write per request.
 * Characters a client controls are escaped ({@code \xHH}) so a request cannot forge log lines.
 */
public final class AccessLog implements AutoCloseable {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final int BUFFER = 64 * 1024;

    private final OutputStream out;
    private final boolean closeStream;
    private final StringBuilder buffer = new StringBuilder(BUFFER);

    private AccessLog(OutputStream out, boolean closeStream) {
        this.out = out;
        this.closeStream = closeStream;
    }

    /** Appends to file, creating it. */
    public static AccessLog toFile(Path file) {
        try {
            return new AccessLog(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access log " + file, e);
        }
    }

    /** Writes to a stream the caller keeps open, such as standard error. */
    public static AccessLog to(OutputStream stream) {
        return new AccessLog(stream, false);
    }

    void log(String host, String user, long epochMillis, String method, String target, String protocol, int status,
            long bytes, String referer, String userAgent, long nanos) {
        StringBuilder line = new StringBuilder(160);
        line.append(host).append(" - ").append(user == null ? "-" : escape(user)).append(" [")
                .append(TIME.format(Instant.ofEpochMilli(epochMillis))).append("] \"")
                .append(escape(method)).append(' ').append(escape(target)).append(' ').append(protocol).append("\" ")
                .append(status).append(' ').append(bytes).append(" \"")
                .append(referer == null ? "-" : escape(referer)).append("\" \"")
                .append(userAgent == null ? "-" : escape(userAgent)).append("\" ")
                .append(String.format(Locale.ROOT, "%.3f", nanos / 1e6)).append('\n');
        synchronized (buffer) {
            buffer.append(line);
            if (buffer.length() >= BUFFER) {
                flushLocked();
            }
        }
    }

    /** Writes out what is buffered. */
    public void flush() {
        synchronized (buffer) {
            flushLocked();
        }
    }

    private void flushLocked() {
        if (buffer.length() == 0) {
            return;
        }
        try {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // A full disk must not take the server down; the lines are lost, the requests are not.
        }
        buffer.setLength(0);
    }

    @Override
    public void close() {
        flush();
        if (closeStream) {
            try {
                out.close();
            } catch (IOException e) {
                // Everything was flushed above; nothing more to save.
            }
        }
    }

    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c > 0x7e;
            if (bad && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (bad) {
                    b.append(String.format(Locale.ROOT, "\\x%02x", c & 0xff));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
