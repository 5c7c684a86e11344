package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --path-prefix}: the GOPROXY protocol under a sub-path (a reverse proxy forwards
 * {@code /goproxy/} to the mirror), nothing outside it but {@code /healthz} and {@code /metrics},
 * and the hostile-path guarantees unchanged.
 */
class PathPrefixTest {
    @TempDir
    Path tmp;
    MirrorServer server;
    int port;

    @BeforeEach
    void start() throws IOException {
        server = HostileRequestTest.startWithSecrets(tmp, ServeOptions.defaults()
                .withPathPrefix(PathPrefix.parse("/goproxy"))
                .withTimeouts(Duration.ofMillis(400), Duration.ofMillis(800)));
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPrefixIsWrittenInAnyOfTheUsualForms() {
        for (String form : new String[] {"/goproxy", "/goproxy/", "goproxy", " /goproxy "}) {
            assertEquals("/goproxy", PathPrefix.parse(form).value(), form);
        }
        for (String root : new String[] {"", "/"}) {
            assertEquals(PathPrefix.ROOT, PathPrefix.parse(root), root);
        }
        assertEquals("/mirrors/go-1.x_~", PathPrefix.parse("/mirrors/go-1.x_~").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a//b", "//", "/./x", "/x/..", "/..", "/go%2Fproxy", "/go proxy", "/g\u00e9", "/a?b", "/a#b",
        "/a\\b", "/a;b"})
    void aPrefixThatIsNotPlainPathElementsIsRefused(String prefix) {
        GosyncException e = assertThrows(GosyncException.class, () -> PathPrefix.parse(prefix));
        assertTrue(e.getMessage().contains(prefix.strip()), e.getMessage());
    }

    @Test
    void aPathIsUnderThePrefixOnlyElementByElement() {
        PathPrefix p = PathPrefix.parse("/goproxy");
        assertEquals("example.com/m/@v/list", p.strip("/goproxy/example.com/m/@v/list"));
        assertNull(p.strip("/goproxyX/example.com/m/@v/list"));
        assertNull(p.strip("/goproxy"));
        assertNull(p.strip("/example.com/m/@v/list"));
        assertNull(p.strip("/x/goproxy/example.com/m/@v/list"));
    }

    @Test
    void theProtocolIsServedUnderThePrefixAndTheUrlSaysSo() throws IOException {
        assertEquals("http://127.0.0.1:" + port + "/goproxy/", server.url().toString());
        RawHttp.Response r = RawHttp.get(port, "/goproxy/example.com/lib/@v/v1.0.0.info");
        assertEquals(200, r.status());
        assertEquals(TestMirror.info("v1.0.0"), r.text());
        assertEquals("v1.0.0\n", RawHttp.get(port, "/goproxy/example.com/lib/@v/list").text());
        assertEquals(200, RawHttp.get(port, "/goproxy/example.com/lib/@latest").status());
        // The prefix itself is decoded like the rest of the path: %67 is g.
        assertEquals(200, RawHttp.get(port, "/%67oproxy/example.com/lib/@v/list").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/example.com/lib/@v/list", "/example.com/lib/@v/v1.0.0.info", "/goproxyX/example.com/lib/@v/list",
        "/goproxy", "/goproxy/", "/goprox/example.com/lib/@v/list", "/x/goproxy/example.com/lib/@v/list",
        "/goproxy/healthz", "/goproxy/metrics", "/GOPROXY/example.com/lib/@v/list"})
    void everythingOutsideThePrefixIsNotFound(String target) throws IOException {
        RawHttp.Response r = RawHttp.get(port, target);
        assertEquals(404, r.status(), target);
    }

    @Test
    void healthAndMetricsStayAtTheRoot() throws IOException {
        RawHttp.get(port, "/goproxy/example.com/lib/@v/list");
        assertEquals("ok\n", RawHttp.get(port, "/healthz").text());
        String metrics = RawHttp.get(port, "/metrics").text();
        assertTrue(metrics.contains("gosync_http_requests_total{endpoint=\"list\",status=\"200\"} 1"), metrics);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/goproxy/../secret", "/goproxy/%2e%2e/secret", "/goproxy%2f..%2fsecret", "/goproxy/..%2f..%2fsecret",
        "/goproxy/%2E%2E/%2e%2E/secret", "/goproxy/../goproxy/example.com/lib/@v/list", "/x/../goproxy/example.com/lib/@v/list",
        "/goproxy/./example.com/lib/@v/list", "/goproxy//example.com/lib/@v/list", "/goproxy\\..\\secret",
        "/goproxy%5c..%5csecret", "/goproxy/%252e%252e/secret", "/goproxy/%c0%ae%c0%ae/secret",
        "/goproxy/.gosync/index.db", "/goproxy/%2egosync/index.db", "/goproxy/example.com/lib/@v/../../../.gosync/index.db",
        "/goproxy/example.com/linked/@v/list", "/goproxy/example.com/linked/@v/v1.0.0.zip",
        "/goproxy/example.com/evil/@v/v1.0.0.zip", "/goproxy/example.com/evil/@v/list", "/goproxyX/../secret",
        "/goproxy%00/example.com/lib/@v/list", "/goproxy/%00", "/secret", "/goproxy/secret", "/goproxy/etc/passwd",
        "http://evil.example/goproxy/../secret"})
    void traversalUnderAPrefixGets400Or404AndNoSecret(String target) throws IOException {
        RawHttp.Response r = RawHttp.get(port, target);
        assertTrue(r.status() == 400 || r.status() == 404, target + " -> " + r.status());
        assertFalse(r.text().contains(HostileRequestTest.SECRET), target);
    }

    @Test
    void requestTargetsAreClassifiedAgainstThePrefix() {
        PathPrefix p = PathPrefix.parse("/goproxy");
        assertInstanceOf(RequestTarget.Module.class, RequestTarget.parse("/goproxy/example.com/lib/@v/list", null, p));
        assertInstanceOf(RequestTarget.NotFound.class, RequestTarget.parse("/example.com/lib/@v/list", null, p));
        assertInstanceOf(RequestTarget.Health.class, RequestTarget.parse("/healthz", null, p));
        assertInstanceOf(RequestTarget.Metrics.class, RequestTarget.parse("/metrics", null, p));
        assertInstanceOf(RequestTarget.Malformed.class, RequestTarget.parse("/goproxy/../example.com/lib/@v/list", null, p));
    }

    @Test
    void theGoCommandFetchesThroughAPrefixWithOrWithoutTheTrailingSlash() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        for (String goproxy : new String[] {"http://127.0.0.1:" + port + "/goproxy", server.url().toString()}) {
            GoSandbox go = GoSandbox.create(tmp.resolve("go" + goproxy.length())).set("GOPROXY", goproxy).set("GOFLAGS", "");
            String json = go.goOk(outside, "mod", "download", "-json", "example.com/lib@v1.0.0");
            assertTrue(json.contains("\"Version\": \"v1.0.0\""), json);
            assertTrue(json.contains("\"Zip\""), json);
            assertTrue(go.goOk(outside, "list", "-m", "-versions", "example.com/lib").contains("example.com/lib v1.0.0"));
        }
    }
}
