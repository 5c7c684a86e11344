package dev.gosync.serve.http;

import dev.gosync.serve.metrics.ServerMetrics;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code max} connections served at once. A connection beyond the limit is refused the
 * moment it is accepted, before anything is read from it: over plain HTTP it gets a fixed 503
 * with {@code Connection: close} (a client that already sent its request may see a reset
 * instead), over TLS it is simply closed. Either way it costs the served connections nothing
 * but the accept.
 */
final class ConnectionLimit {
    private static final String REFUSAL_BODY = "too many connections: try again later\n";
    private static final byte[] REFUSAL = ("HTTP/1.1 503 Service Unavailable\r\nServer: gosync\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: "
            + REFUSAL_BODY.length() + "\r\n\r\n" + REFUSAL_BODY).getBytes(StandardCharsets.US_ASCII);

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final ServerMetrics metrics;

    ConnectionLimit(int max, ServerMetrics metrics) {
        this.max = max;
        this.metrics = metrics;
        metrics.watchConnections(open::get, max);
    }

    /** Counts ch as served until it closes, or refuses it when the limit is reached; true when admitted. */
    boolean admit(Channel ch, boolean tls) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            metrics.connectionRefused();
            if (tls) {
                ch.close();
            } else {
                ch.writeAndFlush(Unpooled.wrappedBuffer(REFUSAL)).addListener(ChannelFutureListener.CLOSE);
            }
            return false;
        }
        ch.closeFuture().addListener(f -> open.decrementAndGet());
        return true;
    }

    int open() {
        return open.get();
    }
}
