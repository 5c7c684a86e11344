package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GOPROXY protocol and the HTTP around it, request by request. */
class ProtocolTest {
    private static final String LIB = "example.com/lib";
    private static final String BIG_MOD = bigGoMod();

    @TempDir
    Path tmp;
    TestMirror mirror;
    MirrorServer server;
    int port;

    @BeforeEach
    void start() {
        mirror = TestMirror.create(tmp.resolve("mirror"))
                .add(LIB, "v1.0.0")
                .add(LIB, "v1.1.0", BIG_MOD, TestMirror.zipBytes(LIB, "v1.1.0", 100_000))
                .add(LIB, "v1.2.0-rc.1")
                .add("example.com/Upper", "v1.0.0");
        server = MirrorServer.start(mirror.dir(), new InetSocketAddress("127.0.0.1", 0), ServeOptions.defaults());
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String bigGoMod() {
        StringBuilder b = new StringBuilder("module example.com/lib\n\ngo 1.21\n\nrequire (\n");
        for (int i = 0; i < 100; i++) {
            b.append("\texample.com/dep").append(i).append(" v1.0.").append(i).append("\n");
        }
        return b.append(")\n").toString();
    }

    private byte[] file(String relative) throws IOException {
        return Files.readAllBytes(mirror.dir().resolve(relative));
    }

    @Test
    void listInfoModAndZipAreTheMirrorsFilesWithTheirContentTypes() throws IOException {
        RawHttp.Response list = RawHttp.get(port, "/example.com/lib/@v/list");
        assertEquals(200, list.status());
        assertEquals("v1.0.0\nv1.1.0\nv1.2.0-rc.1\n", list.text());
        assertEquals("text/plain; charset=utf-8", list.header("content-type"));
        RawHttp.Response info = RawHttp.get(port, "/example.com/lib/@v/v1.0.0.info");
        assertEquals(TestMirror.info("v1.0.0"), info.text());
        assertEquals("application/json", info.header("content-type"));
        RawHttp.Response mod = RawHttp.get(port, "/example.com/lib/@v/v1.1.0.mod");
        assertEquals(BIG_MOD, mod.text());
        assertEquals("text/plain; charset=utf-8", mod.header("content-type"));
        RawHttp.Response zip = RawHttp.get(port, "/example.com/lib/@v/v1.1.0.zip");
        assertArrayEquals(file("example.com/lib/@v/v1.1.0.zip"), zip.body());
        assertEquals("application/zip", zip.header("content-type"));
        assertEquals("100000", zip.header("content-length"));
    }

    @Test
    void escapedUpperCasePathsAreDecodedAndUnescapedOnesAreNotModulePaths() throws IOException {
        assertEquals("v1.0.0\n", RawHttp.get(port, "/example.com/!upper/@v/list").text());
        assertEquals(200, RawHttp.get(port, "/example.com/%21upper/@v/v1.0.0.mod").status());
        assertEquals(404, RawHttp.get(port, "/example.com/Upper/@v/list").status());
    }

    @Test
    void missingModulesAndVersionsAre404WithTheModuleNamed() throws IOException {
        RawHttp.Response v = RawHttp.get(port, "/example.com/lib/@v/v9.9.9.info");
        assertEquals(404, v.status());
        assertTrue(v.text().contains("example.com/lib@v9.9.9"), v.text());
        assertEquals(404, RawHttp.get(port, "/example.com/nothing/@v/list").status());
        assertEquals(404, RawHttp.get(port, "/example.com/nothing/@latest").status());
        // The go command asks for branch names and hashes as .info; a directory cannot resolve them.
        assertEquals(404, RawHttp.get(port, "/example.com/lib/@v/main.info").status());
    }

    @Test
    void latestIsTheHighestReleaseInfo() throws IOException {
        RawHttp.Response latest = RawHttp.get(port, "/example.com/lib/@latest");
        assertEquals(200, latest.status());
        assertEquals(TestMirror.info("v1.1.0"), latest.text());
        assertEquals("application/json", latest.header("content-type"));
    }

    @Test
    void newVersionsAreVisibleAtOnceWithoutARestart() throws IOException {
        assertEquals("v1.0.0\nv1.1.0\nv1.2.0-rc.1\n", RawHttp.get(port, "/example.com/lib/@v/list").text());
        String etag = RawHttp.get(port, "/example.com/lib/@v/list").header("etag");
        mirror.add(LIB, "v1.3.0");
        RawHttp.Response list = RawHttp.get(port, "/example.com/lib/@v/list", "If-None-Match: " + etag);
        assertEquals(200, list.status());
        assertEquals("v1.0.0\nv1.1.0\nv1.2.0-rc.1\nv1.3.0\n", list.text());
        assertEquals(TestMirror.info("v1.3.0"), RawHttp.get(port, "/example.com/lib/@latest").text());
        assertEquals(200, RawHttp.get(port, "/example.com/lib/@v/v1.3.0.zip").status());
    }

    @Test
    void etagAndIfNoneMatchGive304() throws IOException {
        for (String target : new String[] {"/example.com/lib/@v/v1.0.0.mod", "/example.com/lib/@v/v1.0.0.zip",
                "/example.com/lib/@latest"}) {
            RawHttp.Response first = RawHttp.get(port, target);
            String etag = first.header("etag");
            assertNotNull(etag, target);
            assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
            RawHttp.Response again = RawHttp.get(port, target, "If-None-Match: \"other\", " + etag);
            assertEquals(304, again.status(), target);
            assertEquals(0, again.body().length);
            assertEquals(200, RawHttp.get(port, target, "If-None-Match: \"other\"").status());
        }
    }

    @Test
    void lastModifiedAndIfModifiedSinceGive304() throws IOException {
        RawHttp.Response first = RawHttp.get(port, "/example.com/lib/@v/v1.0.0.zip");
        String lastModified = first.header("last-modified");
        assertNotNull(lastModified);
        assertEquals(304, RawHttp.get(port, "/example.com/lib/@v/v1.0.0.zip", "If-Modified-Since: " + lastModified).status());
        assertEquals(200, RawHttp.get(port, "/example.com/lib/@v/v1.0.0.zip",
                "If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT").status());
    }

    @Test
    void aSingleRangeGives206AndARangePastTheEnd416() throws IOException {
        byte[] zip = file("example.com/lib/@v/v1.1.0.zip");
        RawHttp.Response part = RawHttp.get(port, "/example.com/lib/@v/v1.1.0.zip", "Range: bytes=100-199");
        assertEquals(206, part.status());
        assertEquals("bytes 100-199/100000", part.header("content-range"));
        assertArrayEquals(java.util.Arrays.copyOfRange(zip, 100, 200), part.body());
        RawHttp.Response suffix = RawHttp.get(port, "/example.com/lib/@v/v1.1.0.zip", "Range: bytes=-10");
        assertArrayEquals(java.util.Arrays.copyOfRange(zip, zip.length - 10, zip.length), suffix.body());
        RawHttp.Response open = RawHttp.get(port, "/example.com/lib/@v/v1.1.0.mod", "Range: bytes=7-");
        assertEquals(206, open.status());
        assertEquals(BIG_MOD.substring(7), open.text());
        RawHttp.Response past = RawHttp.get(port, "/example.com/lib/@v/v1.1.0.zip", "Range: bytes=100000-");
        assertEquals(416, past.status());
        assertEquals("bytes */100000", past.header("content-range"));
        RawHttp.Response several = RawHttp.get(port, "/example.com/lib/@v/v1.1.0.zip", "Range: bytes=0-1,5-6");
        assertEquals(200, several.status());
        assertEquals(zip.length, several.body().length);
        RawHttp.Response staleIfRange = RawHttp.get(port, "/example.com/lib/@v/v1.1.0.zip", "Range: bytes=0-1",
                "If-Range: \"stale\"");
        assertEquals(200, staleIfRange.status());
    }

    @Test
    void headSendsTheHeadersOfGetWithoutTheBody() throws IOException {
        for (String target : new String[] {"/example.com/lib/@v/v1.1.0.zip", "/example.com/lib/@v/list"}) {
            RawHttp.Response get = RawHttp.get(port, target);
            RawHttp.Response head = RawHttp.request(port, "HEAD", target);
            assertEquals(200, head.status());
            assertEquals(0, head.body().length);
            assertEquals(get.header("content-length"), head.header("content-length"));
            assertEquals(get.header("etag"), head.header("etag"));
        }
    }

    @Test
    void textIsGzippedWhenTheClientAcceptsItAndZipsNever() throws IOException {
        RawHttp.Response gz = RawHttp.get(port, "/example.com/lib/@v/v1.1.0.mod", "Accept-Encoding: br, gzip;q=0.8");
        assertEquals("gzip", gz.header("content-encoding"));
        assertEquals("Accept-Encoding", gz.header("vary"));
        assertTrue(gz.body().length < BIG_MOD.length());
        assertEquals(BIG_MOD, new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(),
                StandardCharsets.UTF_8));
        assertNull(RawHttp.get(port, "/example.com/lib/@v/v1.1.0.mod").header("content-encoding"));
        assertNull(RawHttp.get(port, "/example.com/lib/@v/v1.1.0.mod", "Accept-Encoding: gzip;q=0").header("content-encoding"));
        assertNull(RawHttp.get(port, "/example.com/lib/@v/v1.1.0.zip", "Accept-Encoding: gzip").header("content-encoding"));
        String gzTag = gz.header("etag");
        assertEquals(304, RawHttp.get(port, "/example.com/lib/@v/v1.1.0.mod", "Accept-Encoding: gzip",
                "If-None-Match: " + gzTag).status());
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws IOException {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"}) {
            RawHttp.Response r = RawHttp.request(port, method, "/example.com/lib/@v/list", "Content-Length: 0");
            assertEquals(405, r.status(), method);
            assertEquals("GET, HEAD", r.header("allow"));
        }
        assertEquals("v1.0.0\nv1.1.0\nv1.2.0-rc.1\n", RawHttp.get(port, "/example.com/lib/@v/list").text());
    }

    @Test
    void healthzAndMetrics() throws IOException {
        RawHttp.Response health = RawHttp.get(port, "/healthz");
        assertEquals(200, health.status());
        assertEquals("ok\n", health.text());
        RawHttp.get(port, "/example.com/lib/@v/v1.0.0.zip");
        RawHttp.get(port, "/example.com/lib/@v/v1.9.9.zip");
        String metrics = RawHttp.get(port, "/metrics").text();
        assertTrue(metrics.contains("gosync_http_requests_total{endpoint=\"zip\",status=\"200\"} 1"), metrics);
        assertTrue(metrics.contains("gosync_http_requests_total{endpoint=\"zip\",status=\"404\"} 1"), metrics);
        assertTrue(metrics.contains("gosync_http_response_bytes_total{endpoint=\"zip\"} 4"), metrics);
        assertTrue(metrics.contains("gosync_http_request_duration_seconds_bucket{endpoint=\"zip\",le=\"+Inf\"} 2"), metrics);
        assertTrue(metrics.contains("# TYPE gosync_http_request_duration_seconds histogram"), metrics);
    }

    @Test
    void keepAliveConnectionsServeSeveralRequestsInOrder() throws IOException {
        String two = "GET /example.com/lib/@v/v1.0.0.info HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /example.com/lib/@v/list HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.getOutputStream().write(two.getBytes(StandardCharsets.US_ASCII));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int first = all.indexOf(TestMirror.info("v1.0.0"));
            int second = all.indexOf("v1.0.0\nv1.1.0\nv1.2.0-rc.1\n");
            assertTrue(first > 0 && second > first, all);
        }
    }
}
