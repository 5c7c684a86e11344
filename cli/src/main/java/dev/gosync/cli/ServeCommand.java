package dev.gosync.cli;

import dev.gosync.gomod.GosyncException;
import dev.gosync.serve.auth.AccessPolicy;
import dev.gosync.serve.http.AccessLog;
import dev.gosync.serve.http.MirrorServer;
import dev.gosync.serve.http.PathPrefix;
import dev.gosync.serve.http.ServeOptions;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gosync serve --dir MIRROR}: the mirror over HTTP with the GOPROXY protocol, until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {
    "Serve a mirror directory over HTTP(S) with the GOPROXY protocol, read-only, until SIGTERM or Ctrl-C.",
    "Point the go command at it: GOPROXY=http://HOST:PORT/ GOSUMDB=off (or GONOSUMDB for private paths).",
    "Also answers /healthz and /metrics (Prometheus text)."})
final class ServeCommand implements Callable<Integer> {
    /** The port of the best-known self-hosted Go module proxy, so clients configured for one find the other. */
    static final int DEFAULT_PORT = 3000;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "MIRROR", description = "The mirror directory (GOPROXY layout).")
    Path dir;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Address to listen on (default: 127.0.0.1:" + DEFAULT_PORT + "; port 0 picks a free one).")
    String listen = "127.0.0.1:" + DEFAULT_PORT;

    @Option(names = "--access-log", paramLabel = "FILE",
            description = "Append one line per request (combined format + milliseconds) to FILE; - for standard error.")
    String accessLog;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate chain (PEM).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The private key of --tls-cert (PKCS#8 PEM).")
    Path tlsKey;

    @Option(names = "--auth", paramLabel = "FILE",
            description = "Access policy: public paths, bearer tokens and basic-auth users with their module path prefixes.")
    Path auth;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS",
            description = "On SIGTERM, time given to requests in flight (default: 30).")
    long shutdownGrace = 30;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads (default: one per processor).")
    Integer threads;

    @Option(names = "--header-timeout", paramLabel = "SECONDS",
            description = "Time a client gets to finish a request head it started (default: 10).")
    long headerTimeout = 10;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "Close connections that make no progress for this long (default: 60).")
    long idleTimeout = 60;

    @Option(names = "--path-prefix", paramLabel = "PATH",
            description = "Serve the GOPROXY protocol under this URL path, e.g. /goproxy behind a reverse proxy "
                    + "(default: the root); /healthz and /metrics stay at the root.")
    String pathPrefix = "/";

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Connections served at once; more are answered 503 and closed (default: "
                    + ServeOptions.DEFAULT_MAX_CONNECTIONS + ").")
    int maxConnections = ServeOptions.DEFAULT_MAX_CONNECTIONS;

    /**
     * The go command attaches credentials (.netrc, GOAUTH) only to https requests, whatever the
     * host, loopback included: over plain HTTP every module that is not public answers 401.
     */
    static final String PLAIN_HTTP_AUTH_WARNING = "warning: --auth without --tls-cert/--tls-key: the go command never sends"
            + " credentials over plain http (not even to 127.0.0.1), so only the policy's public modules will be"
            + " reachable for it; serve HTTPS with --tls-cert and --tls-key";

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        InetSocketAddress address = checkUsage();
        ServeOptions options = ServeOptions.defaults()
                .withPathPrefix(prefix())
                .withMaxConnections(maxConnections)
                .withShutdownGrace(Duration.ofSeconds(shutdownGrace))
                .withTimeouts(Duration.ofSeconds(headerTimeout), Duration.ofSeconds(idleTimeout))
                .withThreads(threads == null ? 0 : threads);
        if (tlsCert != null) {
            options = options.withTls(new ServeOptions.TlsFiles(tlsCert, tlsKey));
        }
        if (auth != null) {
            if (tlsCert == null) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(PLAIN_HTTP_AUTH_WARNING);
                err.flush();
            }
            options = options.withAccess(AccessPolicy.load(auth));
        }
        AccessLog log = null;
        if (accessLog != null) {
            log = accessLog.equals("-") ? AccessLog.to(System.err) : AccessLog.toFile(Path.of(accessLog));
            options = options.withAccessLog(log);
        }
        MirrorServer server = MirrorServer.start(dir, address, options);
        PrintWriter out = spec.commandLine().getOut();
        out.println("serving " + dir.toAbsolutePath() + " at " + server.url() + " (" + server.transport() + ")");
        out.println("  GOPROXY=" + server.url() + (auth != null ? " (access policy " + auth + ")" : ""));
        out.flush();
        onTermination(stopped::countDown);
        stopped.await();
        out.println("stopping: letting requests in flight finish (up to " + shutdownGrace + " s)");
        out.flush();
        server.close();
        if (log != null) {
            log.close();
        }
        out.println("stopped");
        return ExitCodes.OK;
    }

    /** Refuses option values that cannot work, as usage errors (exit 2), before anything starts; returns the address. */
    private InetSocketAddress checkUsage() {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw usage("--tls-cert and --tls-key go together: give both PEM files, or neither");
        }
        if (shutdownGrace < 0) {
            throw usage("--shutdown-grace " + shutdownGrace + " is negative: give 0 or more seconds");
        }
        if (threads != null && threads <= 0) {
            throw usage("--threads " + threads + " is not a positive number: give 1 or more, or leave it out for one per processor");
        }
        if (headerTimeout <= 0) {
            throw usage("--header-timeout " + headerTimeout + " is not positive: give 1 or more seconds");
        }
        if (idleTimeout <= 0) {
            throw usage("--idle-timeout " + idleTimeout + " is not positive: give 1 or more seconds");
        }
        if (maxConnections <= 0) {
            throw usage("--max-connections " + maxConnections + " is not a positive number: give 1 or more");
        }
        prefix();
        try {
            return address(listen);
        } catch (GosyncException e) {
            throw usage(e.getMessage() + "; " + e.remedy());
        }
    }

    private PathPrefix prefix() {
        try {
            return PathPrefix.parse(pathPrefix);
        } catch (GosyncException e) {
            throw usage("--path-prefix " + pathPrefix + ": " + e.getMessage() + "; " + e.remedy());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * Runs stop on SIGTERM and SIGINT instead of the JVM's default (run shutdown hooks, exit
     * 143): the command then shuts down gracefully and exits 0, which service managers count as
     * a clean stop.
     */
    @SuppressWarnings("sunapi")
    private static void onTermination(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.run());
            } catch (IllegalArgumentException e) {
                // No such signal on this platform; the JVM's default handling stays.
            }
        }
    }

    /** HOST:PORT, [IPv6]:PORT, or :PORT for every interface. */
    static InetSocketAddress address(String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw badListen(listen);
        }
        String host = listen.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw badListen(listen);
        }
        if (port < 0 || port > 65535) {
            throw badListen(listen);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    private static GosyncException badListen(String listen) {
        return new GosyncException("--listen " + listen + " is not HOST:PORT",
                "for example --listen 127.0.0.1:" + DEFAULT_PORT + ", --listen [::1]:8080 or --listen :" + DEFAULT_PORT);
    }
}
