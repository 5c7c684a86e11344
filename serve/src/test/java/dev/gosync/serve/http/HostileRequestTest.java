package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests no go command sends: traversal in every encoding, broken escapes, oversized lines and
 * headers, clients that trickle or stall. Each gets 400/404 (or its own 4xx) quickly, and none
 * reads a file outside the mirror: secrets are planted beside the mirror, inside its private
 * directory and behind symbolic links, and no response may contain them.
 */
class HostileRequestTest {
    static final String SECRET = "TOP-SECRET-6f1d";

    @TempDir
    Path tmp;
    MirrorServer server;
    int port;

    @BeforeEach
    void start() throws IOException {
        server = startWithSecrets(tmp, ServeOptions.defaults().withTimeouts(Duration.ofMillis(400), Duration.ofMillis(800)));
        port = server.port();
    }

    /** A mirror under dir/mirror with secrets planted around it; the server on a free port. */
    static MirrorServer startWithSecrets(Path dir, ServeOptions options) throws IOException {
        TestMirror mirror = TestMirror.create(dir.resolve("mirror")).add("example.com/lib", "v1.0.0");
        Files.writeString(dir.resolve("secret"), SECRET);
        Files.writeString(mirror.dir().resolve(".gosync").resolve("index.db"), SECRET);
        Path outside = Files.createDirectories(dir.resolve("outside/@v"));
        Files.writeString(outside.resolve("list"), SECRET);
        Files.writeString(outside.resolve("v1.0.0.zip"), SECRET);
        Files.writeString(outside.resolve("v1.0.0.mod"), SECRET);
        // An administrator's links out of the mirror: a whole module directory, and one file.
        Files.createSymbolicLink(mirror.dir().resolve("example.com/linked"), dir.resolve("outside"));
        Path evil = Files.createDirectories(mirror.dir().resolve("example.com/evil/@v"));
        Files.createSymbolicLink(evil.resolve("v1.0.0.zip"), dir.resolve("secret"));
        Files.createSymbolicLink(evil.resolve("list"), dir.resolve("secret"));
        return MirrorServer.start(mirror.dir(), new InetSocketAddress("127.0.0.1", 0), options);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../secret", "/%2e%2e/secret", "/%2E%2E/%2e%2E/secret", "/.%2e/secret", "/%2e./secret",
        "/example.com/lib/@v/..%2f..%2f..%2f..%2fsecret", "/example.com/lib/@v/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret",
        "/%252e%252e/secret", "/%252e%252e%252fsecret", "/..\\secret", "/example.com\\..\\..\\secret",
        "/example.com/lib/@v/%5c..%5c..%5csecret", "/%00", "/example.com/lib/@v/v1.0.0.zip%00.txt",
        "/%c0%ae%c0%ae/secret", "/%e0%80%ae%e0%80%ae/secret", "/%c0%af", "/%ed%a0%80", "/%ff", "/%", "/%z1",
        "/.gosync/index.db", "/%2egosync/index.db", "/example.com/lib/@v/../../../.gosync/index.db",
        "//secret", "/etc/passwd", "/example.com/lib/@v/list/../../../../secret",
        "http://evil.example/../secret", "/./example.com/lib/@v/list",
        "/example.com/lib/@v//list", "/example.com/lib/@v/./list", "/example.com/linked/@v/list",
        "/example.com/linked/@v/v1.0.0.zip", "/example.com/linked/@v/v1.0.0.mod", "/example.com/evil/@v/v1.0.0.zip",
        "/example.com/evil/@v/list", "/example.com/evil/@latest", "/example.com/lib/@v/v1.0.0.zip/..",
        "/example.com/lib/@v/V1.0.0.zip", "/example.com/lib/@v/v1.0.zip", "/example.com/lib/@v/v01.0.0.zip",
        "/example.com/lib/@v/v1.0.0", "/example.com/lib/@v/", "/example.com/lib/@latest/x", "/-/@v/list",
        "/example.com/LIB/@v/list", "/example.com/!!lib/@v/list", "/example.com/lib!/@v/list", "/", "*"})
    void traversalAndInvalidPathsGet400Or404AndNoSecret(String target) throws IOException {
        RawHttp.Response r = RawHttp.get(port, target);
        assertTrue(r.status() == 400 || r.status() == 404, target + " -> " + r.status());
        assertFalse(r.text().contains(SECRET), target);
    }

    @Test
    void aQueryStringIsNotPartOfThePath() throws IOException {
        RawHttp.Response r = RawHttp.get(port, "/example.com/lib/@v/v1.0.0.info?../../secret");
        assertEquals(200, r.status());
        assertEquals(TestMirror.info("v1.0.0"), r.text());
    }

    @Test
    void rawBytesThatAreNotAllowedInARequestLineAreBadRequests() throws IOException {
        for (String target : new String[] {"/a\u0000b", "/\u00e9", "/x\u007f", "/a\tb"}) {
            RawHttp.Response r = RawHttp.send(port, ("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(r.status() == 400 || r.status() == 404, target + " -> " + r.status());
        }
    }

    @Test
    void anOversizedRequestLineGets414() throws IOException {
        RawHttp.Response r = RawHttp.get(port, "/example.com/" + "a".repeat(MirrorServer.MAX_REQUEST_LINE) + "/@v/list");
        assertEquals(414, r.status());
    }

    @Test
    void oversizedHeadersGet431() throws IOException {
        String[] headers = new String[100];
        for (int i = 0; i < headers.length; i++) {
            headers[i] = "X-Filler-" + i + ": " + "b".repeat(300);
        }
        assertEquals(431, RawHttp.get(port, "/example.com/lib/@v/list", headers).status());
    }

    @Test
    void aClientTricklingItsHeadIsCutOffAtTheHeaderTimeout() throws IOException, InterruptedException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 50 && !closed; i++) {
                Thread.sleep(100);
                try {
                    s.getOutputStream().write(("X-Slow-" + i + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (SocketException e) {
                    closed = true;
                }
                closed |= closedByPeer(s);
            }
            assertTrue(closed, "still open after 5 s of trickling");
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            long start = System.nanoTime();
            assertEquals(-1, s.getInputStream().read());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos());
        }
    }

    @Test
    void aBodyOnAReadOnlyServerIsNotReadAndTheConnectionCloses() throws IOException {
        RawHttp.Response r = RawHttp.send(port, ("POST /example.com/lib/@v/list HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 100000000\r\n\r\n" + "x".repeat(1000)).getBytes(StandardCharsets.US_ASCII));
        assertEquals(405, r.status());
        assertEquals("close", r.header("connection"));
    }

    private static boolean closedByPeer(Socket s) throws IOException {
        s.setSoTimeout(1);
        try {
            InputStream in = s.getInputStream();
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }
}
