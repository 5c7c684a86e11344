package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** HTTP behaviour the fixture proxy cannot provoke: redirects, stalled and truncated bodies, error texts. */
class ProxyTransportTest {
    private static final ModuleVersion M = new ModuleVersion("example.com/m", "v1.0.0");
    private static final String INFO_JSON = "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-02T03:04:05Z\"}";

    private static ProxySource source(String url, ProxyClientSettings settings) {
        return ProxyClient.create(settings).source(ProxyUrl.parse(url));
    }

    private static ProxySource source(String url) {
        return source(url, ProxyClientSettings.defaults().withRetry(RetryPolicy.none()));
    }

    @Test
    void relativeRedirectsAreFollowed() {
        try (ScriptedServer server = new ScriptedServer(ex -> {
            if (ex.getRequestURI().getPath().startsWith("/moved/")) {
                ScriptedServer.text(ex, 200, INFO_JSON);
            } else {
                ScriptedServer.redirect(ex, 302, "/moved" + ex.getRequestURI().getRawPath());
            }
        })) {
            assertEquals("v1.0.0", source(server.url()).info(M).version());
            assertEquals(List.of("/example.com/m/@v/v1.0.0.info", "/moved/example.com/m/@v/v1.0.0.info"),
                    server.requests());
        }
    }

    @Test
    void tenRedirectsAreFollowedAndTheEleventhIsNot() {
        try (ScriptedServer server = new ScriptedServer(ex -> {
            String path = ex.getRequestURI().getPath();
            int hop = path.startsWith("/hop") ? Integer.parseInt(path.substring(4, path.indexOf('/', 1))) : 0;
            String rest = hop == 0 ? path : path.substring(path.indexOf('/', 1));
            if (rest.contains("ten") && hop == 10) {
                ScriptedServer.text(ex, 200, INFO_JSON.replace("v1.0.0", "v1.1.0"));
            } else {
                ScriptedServer.redirect(ex, 307, "/hop" + (hop + 1) + rest);
            }
        })) {
            assertEquals("v1.1.0", source(server.url()).query(M.path(), "ten").version());
            ProxyException e = assertThrows(ProxyException.class, () -> source(server.url()).info(M));
            assertTrue(e.getMessage().endsWith(": stopped after 10 redirects"), e.getMessage());
            assertEquals(11 + 11, server.requests().size());
        }
    }

    @Test
    void redirectWithoutLocationIsAnError() {
        try (ScriptedServer server = new ScriptedServer(ex -> ex.sendResponseHeaders(302, -1))) {
            ProxyException e = assertThrows(ProxyException.class, () -> source(server.url()).info(M));
            assertEquals(302, e.status());
            assertTrue(e.getMessage().endsWith(": 302 Found"), e.getMessage());
        }
    }

    @Test
    void userInfoCredentialsDoNotFollowARedirectToAnotherOrigin() {
        try (ScriptedServer target = new ScriptedServer(ex -> ScriptedServer.text(ex, 200, INFO_JSON));
             ScriptedServer origin = new ScriptedServer(ex ->
                     ScriptedServer.redirect(ex, 302, target.url() + ex.getRequestURI().getRawPath()))) {
            String url = "http://alice:pw@" + origin.url().substring("http://".length());
            ProxyClientSettings settings = ProxyClientSettings.defaults().withRetry(RetryPolicy.none())
                    .withAuth(AuthConfig.none().allowingPlainHttpToLoopback());
            source(url, settings).info(M);
            assertTrue(origin.authorizations().get(0).startsWith("Basic "));
            assertEquals(List.of(""), target.authorizations());
        }
    }

    @Test
    void stalledZipBodyFailsAfterTheReadTimeout() throws IOException {
        try (ScriptedServer server = new ScriptedServer(ex -> {
            ex.sendResponseHeaders(200, 1000);
            ex.getResponseBody().write(new byte[10]);
            ex.getResponseBody().flush();
            sleep(3000);
        })) {
            ProxySource source = source(server.url(), ProxyClientSettings.defaults().withRetry(RetryPolicy.none())
                    .withReadTimeout(Duration.ofMillis(200)));
            try (InputStream zip = source.zip(M)) {
                assertEquals(10, zip.readNBytes(10).length);
                long start = System.nanoTime();
                IOException e = assertThrows(IOException.class, zip::readAllBytes);
                assertEquals("example.com/m@v1.0.0: reading " + server.url() + "/example.com/m/@v/v1.0.0.zip: "
                        + "no data for 200 ms (read timeout)", e.getMessage());
                assertTrue(System.nanoTime() - start < Duration.ofMillis(2000).toNanos());
            }
        }
    }

    @Test
    void zipIsHandedOverWhileItIsStillArriving() throws Exception {
        CountDownLatch firstPartRead = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(ex -> {
            ex.sendResponseHeaders(200, 20);
            ex.getResponseBody().write(new byte[10]);
            ex.getResponseBody().flush();
            try {
                firstPartRead.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.getResponseBody().write(new byte[10]);
        })) {
            long start = System.nanoTime();
            try (InputStream zip = source(server.url()).zip(M)) {
                assertEquals(10, zip.readNBytes(10).length);
                // Had the client waited for the whole body, the server would have held it back for 5 s.
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos(), "the zip was buffered");
                firstPartRead.countDown();
                assertEquals(10, zip.readAllBytes().length);
            }
        }
    }

    @Test
    void smallBodyCutShortIsFetchedAgain() {
        AtomicInteger calls = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer(ex -> {
            byte[] json = INFO_JSON.getBytes(StandardCharsets.UTF_8);
            if (calls.incrementAndGet() == 1) {
                ex.sendResponseHeaders(200, json.length);
                ex.getResponseBody().write(json, 0, 5);
            } else {
                ScriptedServer.text(ex, 200, INFO_JSON);
            }
        })) {
            ProxySource source = source(server.url(), ProxyClientSettings.defaults()
                    .withRetry(RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(1))));
            assertEquals("v1.0.0", source.info(M).version());
            assertEquals(2, calls.get());
        }
    }

    @Test
    void multiLinePlainTextExplanationIsIndented() {
        try (ScriptedServer server = new ScriptedServer(ex -> ScriptedServer.text(ex, 418, "line one\nline two\n\nhidden"))) {
            ProxyException e = assertThrows(ProxyException.class, () -> source(server.url()).info(M));
            assertTrue(e.getMessage().endsWith(": 418\n\tserver response:\n\tline one\n\tline two"), e.getMessage());
        }
    }

    @Test
    void explanationInAnotherContentTypeIsNotShown() {
        try (ScriptedServer server = new ScriptedServer(ex -> {
            byte[] html = "<h1>oops</h1>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(500, html.length);
            ex.getResponseBody().write(html);
        })) {
            ProxyException e = assertThrows(ProxyException.class, () -> source(server.url()).info(M));
            assertTrue(e.getMessage().endsWith(": 500 Internal Server Error"), e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
