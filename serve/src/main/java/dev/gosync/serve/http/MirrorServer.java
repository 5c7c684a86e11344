package dev.gosync.serve.http;

import dev.gosync.gomod.GosyncException;
import dev.gosync.serve.metrics.ServerMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A mirror directory served over HTTP(S) with the GOPROXY protocol, read-only. Start with
 * {@link #start}, stop with {@link #close()}: it stops accepting, lets requests in flight finish
 * (up to the shutdown grace), then closes every connection.
 *
 * <pre>{@code
 * try (MirrorServer server = MirrorServer.start(mirror, new InetSocketAddress("127.0.0.1", 0), ServeOptions.defaults())) {
 *     String goproxy = server.url().toString();   // http://127.0.0.1:<port>/ (plus the path prefix, if any)
 * }
 * }</pre>
 */
public final class MirrorServer implements AutoCloseable {
    /** Request lines longer than this get 414: module paths and versions are far shorter. */
    static final int MAX_REQUEST_LINE = 8 * 1024;
    /** Header blocks larger than this get 431. */
    static final int MAX_HEADERS = 16 * 1024;

    private final EventLoopGroup group;
    private final Channel listener;
    private final ServerState state;
    private final ServeOptions options;
    private final boolean epoll;
    private boolean closed;

    private MirrorServer(EventLoopGroup group, Channel listener, ServerState state, ServeOptions options, boolean epoll) {
        this.group = group;
        this.listener = listener;
        this.state = state;
        this.options = options;
        this.epoll = epoll;
    }

    /**
     * Starts serving mirror on listen (port 0 picks a free port).
     *
     * @throws GosyncException if the mirror is not a directory, the TLS files cannot be used or
     *                         the address cannot be bound
     */
    public static MirrorServer start(Path mirror, InetSocketAddress listen, ServeOptions options) {
        Path root;
        try {
            root = mirror.toRealPath();
        } catch (IOException e) {
            throw new GosyncException("mirror " + mirror + " does not exist", "give the directory imports write to", e);
        }
        if (!Files.isDirectory(root)) {
            throw new GosyncException("mirror " + mirror + " is not a directory", "give the directory imports write to");
        }
        SslContext ssl = options.tls() == null ? null : sslContext(options.tls());
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        // One event loop per processor, like nginx's worker_processes auto: more threads than
        // cores only add context switches for a server that never blocks on anything but the disk cache.
        int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        ServerState state = new ServerState(new MirrorFiles(root, options.cacheBytes()), new ServerMetrics(),
                options.access(), options.accessLog(), connections, ssl != null, options.pathPrefix(),
                options.maxConnections());
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_REQUEST_LINE)
                .setMaxHeaderSize(MAX_HEADERS)
                .setMaxChunkSize(8192);
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (!state.connectionLimit.admit(ch, ssl != null)) {
                            return;
                        }
                        ChannelPipeline p = ch.pipeline();
                        if (ssl != null) {
                            p.addLast(ssl.newHandler(ch.alloc()));
                        }
                        p.addLast(new IdleStateHandler(true, 0, 0, options.idleTimeout().toNanos(), TimeUnit.NANOSECONDS));
                        HeadTimeout headTimeout = new HeadTimeout(options.headerTimeout().toNanos());
                        p.addLast(headTimeout);
                        p.addLast(new HttpRequestDecoder(decoder));
                        if (ssl != null) {
                            p.addLast(new ChunkedWriteHandler());
                        }
                        p.addLast(new MirrorHandler(state, headTimeout));
                    }
                });
        Channel listener;
        try {
            listener = bootstrap.bind(listen).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new GosyncException("cannot listen on " + listen.getHostString() + ":" + listen.getPort() + ": " + e.getMessage(),
                    "choose another --listen address or stop what uses this port", e);
        }
        if (options.accessLog() != null) {
            AccessLog log = options.accessLog();
            group.next().scheduleAtFixedRate(log::flush, 1, 1, TimeUnit.SECONDS);
        }
        return new MirrorServer(group, listener, state, options, epoll);
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** The base URL to put in GOPROXY, with the path prefix and a trailing slash. */
    public URI url() {
        InetSocketAddress a = address();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create((state.tls ? "https" : "http") + "://" + host + ":" + a.getPort() + state.prefix.value() + "/");
    }

    /** Which transport serves: "epoll" (native, sendfile) or "nio". */
    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    /** Stops gracefully within the options' shutdown grace; see {@link #close(Duration)}. */
    @Override
    public void close() {
        close(options.shutdownGrace());
    }

    /**
     * Stops accepting connections, closes idle ones, waits up to grace for responses in flight to
     * finish (their connections close after them), then closes whatever is left. Idempotent.
     */
    public synchronized void close(Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        state.closing = true;
        listener.close().syncUninterruptibly();
        for (Channel ch : state.connections) {
            ch.eventLoop().execute(() -> {
                MirrorHandler handler = ch.pipeline().get(MirrorHandler.class);
                if (handler != null) {
                    handler.closeWhenIdle(ch.pipeline().context(handler));
                } else {
                    ch.close();
                }
            });
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (!state.connections.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        state.connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        if (state.accessLog != null) {
            state.accessLog.flush();
        }
    }

    private static SslContext sslContext(ServeOptions.TlsFiles tls) {
        try {
            return SslContextBuilder.forServer(tls.certificateChain().toFile(), tls.privateKey().toFile()).build();
        } catch (IOException | RuntimeException e) {
            throw new GosyncException("cannot use the TLS certificate " + tls.certificateChain() + " and key "
                    + tls.privateKey() + ": " + e.getMessage(),
                    "give a PEM certificate chain and an unencrypted PKCS#8 PEM private key "
                            + "(openssl pkey -in KEY -out key.pem converts other key formats)", e);
        }
    }
}
