package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.serve.auth.AccessPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gosync serve first in a {@code GOPROXY} list separated by {@code ,}: the go command moves on to
 * the next proxy exactly when an answer is 404 or 410 (cmd/go/internal/web: both mean "does not
 * exist"). Every "not found" gosync gives is a 404, so each must let the real go command fall
 * through to a second proxy — a plain file server on 127.0.0.1 holding what the mirror lacks —
 * while what the mirror holds never reaches the second proxy.
 */
class ProxyListFallThroughTest {
    @TempDir
    Path tmp;
    UpstreamProxy second;
    Path outside;

    @BeforeEach
    void setUp() throws IOException {
        TestMirror.create(tmp.resolve("mirror")).add("example.com/lib", "v1.0.0");
        TestMirror.create(tmp.resolve("second")).add("example.com/lib", "v1.0.0").add("example.com/lib", "v1.1.0")
                .add("example.com/other", "v1.0.0");
        second = UpstreamProxy.serve(tmp.resolve("second"));
        outside = Files.createDirectories(tmp.resolve("outside"));
    }

    @AfterEach
    void tearDown() {
        second.close();
    }

    private MirrorServer serve(ServeOptions options) {
        return MirrorServer.start(tmp.resolve("mirror"), new InetSocketAddress("127.0.0.1", 0), options);
    }

    private GoSandbox go(String name, String goproxy) {
        return GoSandbox.create(tmp.resolve(name)).set("GOPROXY", goproxy).set("GOFLAGS", "");
    }

    @Test
    void aModuleTheMirrorHasNeverHeardOfComesFromTheSecondProxy() {
        try (MirrorServer server = serve(ServeOptions.defaults())) {
            assertEquals(404, status(server, "example.com/other/@v/v1.0.0.info"));
            GoSandbox go = go("unknown", server.url() + "," + second.url());
            String json = go.goOk(outside, "mod", "download", "-json", "example.com/other@v1.0.0");
            assertTrue(json.contains("\"Version\": \"v1.0.0\""), json);
            assertEquals(1, second.count("/example.com/other/@v/v1.0.0.zip"));
        }
    }

    @Test
    void aVersionTheMirrorLacksOfAModuleItHasComesFromTheSecondProxy() {
        try (MirrorServer server = serve(ServeOptions.defaults())) {
            assertEquals(404, status(server, "example.com/lib/@v/v1.1.0.info"));
            assertEquals(404, status(server, "example.com/lib/@v/v1.1.0.mod"));
            assertEquals(404, status(server, "example.com/lib/@v/v1.1.0.zip"));
            GoSandbox go = go("version", server.url() + "," + second.url());
            go.goOk(outside, "mod", "download", "-json", "example.com/lib@v1.1.0");
            assertEquals(1, second.count("/example.com/lib/@v/v1.1.0.zip"));
            // What the mirror holds is answered by the mirror: the second proxy is never asked.
            go.goOk(outside, "mod", "download", "-json", "example.com/lib@v1.0.0");
            assertEquals(0, second.count("/example.com/lib/@v/v1.0.0.info"));
            assertEquals(0, second.count("/example.com/lib/@v/v1.0.0.zip"));
        }
    }

    @Test
    void latestAndTheVersionListOfAnUnknownModuleComeFromTheSecondProxy() {
        try (MirrorServer server = serve(ServeOptions.defaults())) {
            assertEquals(404, status(server, "example.com/other/@v/list"));
            assertEquals(404, status(server, "example.com/other/@latest"));
            GoSandbox go = go("latest", server.url() + "," + second.url());
            assertEquals("example.com/other v1.0.0", go.goOk(outside, "list", "-m", "example.com/other@latest").trim());
            assertEquals("example.com/other v1.0.0",
                    go.goOk(outside, "list", "-m", "-versions", "example.com/other").trim());
            assertTrue(second.count("/example.com/other/@v/list") >= 1);
        }
    }

    @Test
    void everyPathOutsideThePathPrefixFallsThrough() {
        try (MirrorServer server = serve(ServeOptions.defaults().withPathPrefix(PathPrefix.parse("/goproxy")))) {
            String elsewhere = "http://127.0.0.1:" + server.port() + "/elsewhere";
            GoSandbox go = go("prefix", elsewhere + "," + second.url());
            go.goOk(outside, "mod", "download", "-json", "example.com/lib@v1.0.0");
            assertEquals(1, second.count("/example.com/lib/@v/v1.0.0.zip"));
        }
    }

    @Test
    void aChecksumDatabaseProbeIsNotFoundSoTheGoCommandLooksElsewhere() throws IOException {
        // Before using a checksum database through a proxy the go command asks
        // <proxy>/sumdb/<name>/supported; anything but 404/410 would make the database "unavailable".
        try (MirrorServer server = serve(ServeOptions.defaults())) {
            assertEquals(404, RawHttp.get(server.port(), "/sumdb/sum.test.example/supported").status());
            assertEquals(404, RawHttp.get(server.port(), "/sumdb/sum.test.example/lookup/example.com/lib@v1.0.0").status());
        }
    }

    @Test
    void a401ForAPrivateModuleStopsACommaListButNotAPipeList() throws IOException {
        // The go command sends no credentials over plain http, so a module outside the policy's public
        // patterns answers 401; a ',' list stops there, a '|' list moves on.
        AccessPolicy policy = AccessPolicy.parse(List.of("public example.com/lib",
                "token sha256:06949cc40dd20849eda85dc8ba584ea93f025f083f115c82ab182512e0f64e39 example.com/other"), "test");
        try (MirrorServer server = serve(ServeOptions.defaults().withAccess(policy))) {
            ProcessResult comma = go("comma", server.url() + "," + second.url())
                    .go(outside, "mod", "download", "-json", "example.com/other@v1.0.0");
            assertFalse(comma.succeeded(), comma.stdout());
            assertTrue((comma.stdout() + comma.stderr()).contains("401 Unauthorized"), comma.stdout() + comma.stderr());
            assertEquals(0, second.count("/example.com/other/@v/v1.0.0.zip"));
            go("pipe", server.url() + "|" + second.url()).goOk(outside, "mod", "download", "-json", "example.com/other@v1.0.0");
            assertEquals(1, second.count("/example.com/other/@v/v1.0.0.zip"));
        }
    }

    private static int status(MirrorServer server, String relative) {
        try {
            return RawHttp.get(server.port(), server.url().getPath() + relative).status();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
