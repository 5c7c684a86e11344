package dev.gosync.serve.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose client starts a request head and does not finish it in time: a
 * client trickling header bytes (slowloris) keeps the connection from going idle, so the idle
 * timeout alone would not stop it. Sits before the HTTP decoder; the request handler reports
 * each complete head. One periodic check per connection rather than a timer per request keeps
 * the cost off the request path.
 */
final class HeadTimeout extends ChannelInboundHandlerAdapter {
    private final long timeoutNanos;
    private long pendingSince = -1;
    private ScheduledFuture<?> check;

    HeadTimeout(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        long period = Math.max(timeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(10));
        check = ctx.executor().scheduleAtFixedRate(() -> {
            if (pendingSince >= 0 && System.nanoTime() - pendingSince > timeoutNanos) {
                ctx.channel().close();
            }
        }, period, period, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (pendingSince < 0 && msg instanceof ByteBuf buf && buf.isReadable()) {
            pendingSince = System.nanoTime();
        }
        ctx.fireChannelRead(msg);
    }

    /** A complete head arrived; the next bytes start the clock again. */
    void headReceived() {
        pendingSince = -1;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (check != null) {
            check.cancel(false);
        }
        ctx.fireChannelInactive();
    }
}
