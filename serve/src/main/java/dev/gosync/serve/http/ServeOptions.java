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
 */
public record ServeOptions(AccessLog accessLog, TlsFiles tls, AccessPolicy access, Duration headerTimeout,
        Duration idleTimeout, Duration shutdownGrace, long cacheBytes, int threads) {

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
    }

    /** No log, no TLS, everything public, 10 s for a request head, 60 s idle, 30 s shutdown grace, 64 MiB cache. */
    public static ServeOptions defaults() {
        return new ServeOptions(null, null, AccessPolicy.open(), Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(30), 64L << 20, 0);
    }

    public ServeOptions withAccessLog(AccessLog log) {
        return new ServeOptions(log, tls, access, headerTimeout, idleTimeout, shutdownGrace, cacheBytes, threads);
    }

    public ServeOptions withTls(TlsFiles files) {
        return new ServeOptions(accessLog, files, access, headerTimeout, idleTimeout, shutdownGrace, cacheBytes, threads);
    }

    public ServeOptions withAccess(AccessPolicy policy) {
        return new ServeOptions(accessLog, tls, policy, headerTimeout, idleTimeout, shutdownGrace, cacheBytes, threads);
    }

    public ServeOptions withTimeouts(Duration header, Duration idle) {
        return new ServeOptions(accessLog, tls, access, header, idle, shutdownGrace, cacheBytes, threads);
    }

    public ServeOptions withShutdownGrace(Duration grace) {
        return new ServeOptions(accessLog, tls, access, headerTimeout, idleTimeout, grace, cacheBytes, threads);
    }

    public ServeOptions withThreads(int n) {
        return new ServeOptions(accessLog, tls, access, headerTimeout, idleTimeout, shutdownGrace, cacheBytes, n);
    }
}
