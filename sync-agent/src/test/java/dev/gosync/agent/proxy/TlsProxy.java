package dev.gosync.agent.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.gosync.fixtures.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An https GOPROXY for tests on 127.0.0.1, with a throw-away self-signed certificate made by
 * {@code keytool}: serves a directory, records the Authorization header of every request, and
 * redirects paths starting with {@code /to-http/} to a plain-http URL.
 */
final class TlsProxy implements AutoCloseable {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(30);

    /** A key store holding the server key and certificate, and the certificate as PEM for the go command. */
    record Certificate(Path keyStore, Path pem) {
        static Certificate create(Path dir) {
            Path keyStore = dir.resolve("proxy.p12");
            Path pem = dir.resolve("proxy.pem");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Processes.run(dir, null, KEYTOOL_TIMEOUT, List.of(keytool, "-genkeypair", "-alias", "proxy",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))).orThrow();
            Processes.run(dir, null, KEYTOOL_TIMEOUT, List.of(keytool, "-exportcert", "-rfc", "-alias", "proxy",
                    "-keystore", keyStore.toString(), "-storepass", new String(PASSWORD), "-file", pem.toString()))
                    .orThrow();
            return new Certificate(keyStore, pem);
        }

        /** A client TLS context trusting exactly this certificate. */
        SSLContext clientContext() {
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, tmf.getTrustManagers(), null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private SSLContext serverContext() {
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(), PASSWORD);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(kmf.getKeyManagers(), null, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private KeyStore load() throws GeneralSecurityException {
            try (InputStream in = Files.newInputStream(keyStore)) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(in, PASSWORD);
                return ks;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpsServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Path root;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String insecureTarget = "http://127.0.0.1:1";

    TlsProxy(Certificate certificate, Path root) {
        this.root = root;
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** {@code https://127.0.0.1:<port>}. */
    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The Authorization header of every request so far, "" where there was none. */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Where {@code /to-http/…} requests are sent. */
    void redirectInsecurelyTo(String httpUrl) {
        insecureTarget = httpUrl;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            String path = URI.create("https://x" + ex.getRequestURI().getRawPath()).getPath();
            if (path.startsWith("/to-http/")) {
                ex.getResponseHeaders().set("Location", insecureTarget + path.substring("/to-http".length()));
                ex.sendResponseHeaders(302, -1);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.sendResponseHeaders(200, Files.size(file));
            Files.copy(file, ex.getResponseBody());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
