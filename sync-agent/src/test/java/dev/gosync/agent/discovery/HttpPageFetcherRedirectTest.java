package dev.gosync.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.agent.auth.CredentialProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redirects of discovery pages keep the user's credentials on the host they were meant for: a
 * server on one host that redirects elsewhere must not hand the Authorization header (from
 * .netrc or GOAUTH) to the other host. The go command's rule: credentials follow a redirect only
 * to the same host name or a subdomain of it (whatever the port), and never again once a hop left.
 */
class HttpPageFetcherRedirectTest {
    private static final String SECRET = "Bearer gosync-test-SECRET-4711";

    private HttpServer redirector;
    private HttpServer recorder;
    private final List<String> recorded = new CopyOnWriteArrayList<>();
    private volatile String location;

    @BeforeEach
    void start() throws IOException {
        redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        redirector.createContext("/", ex -> {
            String query = ex.getRequestURI().getRawQuery();
            ex.getResponseHeaders().add("Location", location + (query == null ? "" : "?" + query));
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        redirector.start();
        recorder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        recorder.createContext("/", this::record);
        recorder.start();
    }

    private void record(HttpExchange ex) throws IOException {
        recorded.add(Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")).orElse("(none)"));
        byte[] body = "<html></html>".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @AfterEach
    void stop() {
        redirector.stop(0);
        recorder.stop(0);
    }

    /** Credentials for every URL, over plain http to loopback: what a .netrc entry would give the first host. */
    private static HttpPageFetcher fetcher(UnaryOperator<URI> route) throws Exception {
        CredentialProvider always = new CredentialProvider() {
            @Override
            public Optional<String> authorization(URI url) {
                return url.getHost().equals("127.0.0.1") ? Optional.of(SECRET) : Optional.empty();
            }

            @Override
            public Optional<String> refreshedAuthorization(URI url) {
                return authorization(url);
            }
        };
        return new HttpPageFetcher(SSLContext.getDefault(), new AuthConfig(always, true), Duration.ofSeconds(5), route);
    }

    private URI start(String host) {
        return URI.create("http://" + host + ":" + redirector.getAddress().getPort() + "/corp/x?go-get=1");
    }

    @Test
    void aRedirectToAnotherHostCarriesNoCredentials() throws Exception {
        location = "http://localhost:" + recorder.getAddress().getPort() + "/page";
        PageFetcher.Page page = fetcher(UnaryOperator.identity()).get(start("127.0.0.1"), false);
        assertEquals(200, page.status());
        assertEquals(location + "?go-get=1", page.url());
        assertEquals(List.of("(none)"), recorded);
    }

    @Test
    void aRedirectToTheSameHostOnAnotherPortKeepsThem() throws Exception {
        location = "http://127.0.0.1:" + recorder.getAddress().getPort() + "/page";
        fetcher(UnaryOperator.identity()).get(start("127.0.0.1"), false);
        assertEquals(List.of(SECRET), recorded);
    }

    @Test
    void aSubdomainOfTheFirstHostKeepsThemAndAnotherDomainDoesNot() {
        assertTrue(HttpPageFetcher.isDomainOrSubdomain("git.corp.example", "corp.example"));
        assertTrue(HttpPageFetcher.isDomainOrSubdomain("CORP.example", "corp.example"));
        assertEquals(false, HttpPageFetcher.isDomainOrSubdomain("evilcorp.example", "corp.example"));
        assertEquals(false, HttpPageFetcher.isDomainOrSubdomain("corp.example.evil", "corp.example"));
        assertEquals(false, HttpPageFetcher.isDomainOrSubdomain("[::1]", "1"));
    }

    @Test
    void endlessRedirectsStopAfterTen() throws Exception {
        location = "/again";
        HttpPageFetcher fetcher = fetcher(UnaryOperator.identity());
        IOException e = assertThrows(IOException.class, () -> fetcher.get(start("127.0.0.1"), false));
        assertEquals("stopped after 10 redirects", e.getMessage());
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        try (DiscoveryServers servers = new DiscoveryServers(tmp)) {
            location = "http://localhost:" + recorder.getAddress().getPort() + "/page";
            UnaryOperator<URI> route = u -> u.getHost().equals("corp.example")
                    ? URI.create("http://127.0.0.1:" + redirector.getAddress().getPort() + u.getRawPath() + "?" + u.getRawQuery()) : u;
            HttpPageFetcher fetcher = new HttpPageFetcher(servers.trusting(), AuthConfig.none(), Duration.ofSeconds(5), route);
            // The https page is routed to the plain redirector; the JDK client only sees the routed URL's scheme.
            IOException e = assertThrows(IOException.class,
                    () -> fetcher.get(URI.create("https://corp.example/x?go-get=1"), false));
            assertEquals("redirected from secure URL https://corp.example/x?go-get=1 to insecure URL " + location
                    + "?go-get=1", e.getMessage());
            assertEquals(List.of(), recorded);
        }
    }
}
