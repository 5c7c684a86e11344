package dev.gosync.serve.http;

import dev.gosync.serve.auth.AccessPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link MirrorServer} runs. Start from {@link #defaults()} and change what differs.
 *
 * @param accessLog     where request lines go, or null for none
 * @param tls           certificate and key in PEM files, or null for plain HTTP
 * @param access        who may fetch which modules
 * @param headerTimeout time a client gets to send a complete request head once it started one
 * @param idleTimeout   time a connection may make no progress in either direction
 * @param shutdownGrace time {@link MirrorServer#close()} gives in-flight requests to finish
 * @param cacheBytes    memory for small files (lists, .info, .mod)
 * @param threads       event-loop threads; 0 for one per processor
 * @param pathPrefix    the URL path the GOPROXY protocol is served under
 * @param maxConnections connections served at once; more are answered 503 and closed at once
 */
public record ServeOptions(AccessLog accessLog, TlsFiles tls, AccessPolicy access, Duration headerTimeout,
        Duration idleTimeout, Duration shutdownGrace, long cacheBytes, int threads, PathPrefix pathPrefix,
        int maxConnections) {
    /**
     * Far more than the go command opens (a few connections per build, one per parallel
     * download) and far below the file-descriptor limits servers run with, so a flood of
     * connections exhausts neither descriptors nor memory before it is refused.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 4096;

    /** A PEM certificate chain and its PKCS#8 PEM private key (as openssl writes them). */
    public record TlsFiles(Path certificateChain, Path privateKey) {
        public TlsFiles {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    public ServeOptions {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
        }
    }

    /**
     * No log, no TLS, everything public, 10 s for a request head, 60 s idle, 30 s shutdown grace,
     * 64 MiB cache, served at the root, {@value #DEFAULT_MAX_CONNECTIONS} connections.
     */
    public static ServeOptions defaults() {
        return new ServeOptions(null, null, AccessPolicy.open(), Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(30), 64L << 20, 0, PathPrefix.ROOT, DEFAULT_MAX_CONNECTIONS);
    }

    public ServeOptions withAccessLog(AccessLog log) {
        return new ServeOptions(log, tls, access, headerTimeout, idleTimeout, shutdownGrace, cacheBytes, threads, pathPrefix, maxConnections);
    }

    public ServeOptions withTls(TlsFiles files) {
        return new ServeOptions(accessLog, files, access, headerTimeout, idleTimeout, shutdownGrace, cacheBytes, threads, pathPrefix, maxConnections);
    }

    public ServeOptions withAccess(AccessPolicy policy) {
        return new ServeOptions(accessLog, tls, policy, headerTimeout, idleTimeout, shutdownGrace, cacheBytes, threads, pathPrefix, maxConnections);
    }

    public ServeOptions withTimeouts(Duration header, Duration idle) {
        return new ServeOptions(accessLog, tls, access, header, idle, shutdownGrace, cacheBytes, threads, pathPrefix, maxConnections);
    }

    public ServeOptions withShutdownGrace(Duration grace) {
        return new ServeOptions(accessLog, tls, access, headerTimeout, idleTimeout, grace, cacheBytes, threads, pathPrefix, maxConnections);
    }

    public ServeOptions withThreads(int n) {
        return new ServeOptions(accessLog, tls, access, headerTimeout, idleTimeout, shutdownGrace, cacheBytes, n, pathPrefix, maxConnections);
    }

    public ServeOptions withPathPrefix(PathPrefix prefix) {
        return new ServeOptions(accessLog, tls, access, headerTimeout, idleTimeout, shutdownGrace, cacheBytes, threads,
                prefix, maxConnections);
    }

    public ServeOptions withMaxConnections(int n) {
        return new ServeOptions(accessLog, tls, access, headerTimeout, idleTimeout, shutdownGrace, cacheBytes, threads,
                pathPrefix, n);
    }
}
