package dev.gosync.agent.discovery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.gosync.fixtures.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Discovery pages for tests: an https server (throw-away certificate for 127.0.0.1 made by
 * keytool) and a plain http server, both on 127.0.0.1, answering {@code ?go-get=1} requests for
 * the paths they were given. {@link #route()} points host names at them, so module paths can use
 * real-looking hosts without DNS.
 */
public final class DiscoveryServers implements AutoCloseable {
    private static final char[] PASSWORD = "changeit".toCharArray();

    /** A page: status and HTML. */
    record Page(int status, String html) {
    }

    private final HttpsServer https;
    private final HttpServer http;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, Page> httpsPages = new ConcurrentHashMap<>();
    private final Map<String, Page> httpPages = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final SSLContext clientContext;

    public DiscoveryServers(Path dir) {
        try {
            Files.createDirectories(dir);
            Path keyStore = dir.resolve("server.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Processes.run(dir, null, Duration.ofSeconds(30), List.of(keytool, "-genkeypair", "-alias", "server",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))).orThrow();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext serverContext = SSLContext.getInstance("TLS");
            serverContext.init(kmf.getKeyManagers(), null, null);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, tmf.getTrustManagers(), null);
            https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            https.setHttpsConfigurator(new HttpsConfigurator(serverContext));
            https.createContext("/", ex -> answer(ex, httpsPages, "https"));
            https.setExecutor(pool);
            https.start();
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            http.createContext("/", ex -> answer(ex, httpPages, "http"));
            http.setExecutor(pool);
            http.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts the https server's certificate. */
    public SSLContext trusting() {
        return clientContext;
    }

    /** Serves {@code html} over https for the import path (host and path). */
    public DiscoveryServers https(String importPath, String html) {
        return https(importPath, 200, html);
    }

    public DiscoveryServers https(String importPath, int status, String html) {
        httpsPages.put(pathOf(importPath), new Page(status, html));
        return this;
    }

    /** Serves {@code html} over plain http for the import path. */
    public DiscoveryServers http(String importPath, String html) {
        httpPages.put(pathOf(importPath), new Page(200, html));
        return this;
    }

    /** Every request so far, as {@code scheme path?query}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Sends every https URL to the https server and every http URL to the http server, whatever the host. */
    public UnaryOperator<URI> route() {
        return u -> {
            int port = u.getScheme().equals("https") ? https.getAddress().getPort() : http.getAddress().getPort();
            return URI.create(u.getScheme() + "://127.0.0.1:" + port + u.getRawPath()
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
        };
    }

    /** A route that sends https requests to a closed port, so that https fails. */
    public UnaryOperator<URI> routeWithoutHttps() {
        UnaryOperator<URI> normal = route();
        return u -> u.getScheme().equals("https") ? URI.create("https://127.0.0.1:1" + u.getRawPath() + "?"
                + u.getRawQuery()) : normal.apply(u);
    }

    public static String meta(String prefix, String vcs, String repo) {
        return "<meta name=\"go-import\" content=\"" + prefix + " " + vcs + " " + repo + "\">";
    }

    public static String page(String... metas) {
        return "<!DOCTYPE html>\n<html><head>" + String.join("\n", metas) + "</head><body>nothing here</body></html>\n";
    }

    private static String pathOf(String importPath) {
        int slash = importPath.indexOf('/');
        return slash < 0 ? "/" : importPath.substring(slash);
    }

    private void answer(HttpExchange ex, Map<String, Page> pages, String scheme) throws IOException {
        try (ex) {
            requests.add(scheme + " " + ex.getRequestURI());
            Page page = pages.get(ex.getRequestURI().getPath());
            if (page == null || !"go-get=1".equals(ex.getRequestURI().getQuery())) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(page.status(), body.length);
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        https.stop(0);
        http.stop(0);
        pool.shutdownNow();
    }
}
