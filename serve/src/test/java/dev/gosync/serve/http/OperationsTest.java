package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Running the server: access log, graceful shutdown. */
class OperationsTest {
    private static final String BIG = "example.com/big";

    @TempDir
    Path tmp;

    @Test
    void theAccessLogHasOneCombinedLinePerRequestWithClientTextEscaped() throws IOException {
        TestMirror mirror = TestMirror.create(tmp.resolve("mirror")).add("example.com/lib", "v1.0.0");
        Path logFile = tmp.resolve("access.log");
        try (AccessLog log = AccessLog.toFile(logFile)) {
            // Closed before the log, so its last lines are flushed before the log is.
            try (MirrorServer server = MirrorServer.start(mirror.dir(), new InetSocketAddress("127.0.0.1", 0),
                    ServeOptions.defaults().withAccessLog(log))) {
                RawHttp.get(server.port(), "/example.com/lib/@v/list", "User-Agent: Go-http-client/1.1");
                RawHttp.get(server.port(), "/example.com/lib/@v/v1.9.9.zip", "User-Agent: evil\" 200 \u00e9fake",
                        "Referer: http://r/");
            }
        }
        List<String> lines = Files.readAllLines(logFile);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("127\\.0\\.0\\.1 - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000\\] "
                + "\"GET /example\\.com/lib/@v/list HTTP/1\\.1\" 200 7 \"-\" \"Go-http-client/1\\.1\" \\d+\\.\\d{3}"), lines.get(0));
        assertTrue(lines.get(1).contains("\"GET /example.com/lib/@v/v1.9.9.zip HTTP/1.1\" 404 "), lines.get(1));
        assertTrue(lines.get(1).contains("\"http://r/\" \"evil\\x22 200 \\xe9fake\""), lines.get(1));
    }

    @Test
    @Timeout(60)
    void closeLetsADownloadInFlightFinishAndRefusesNewConnections() throws Exception {
        byte[] zip = TestMirror.zipBytes(BIG, "v1.0.0", 16 << 20);
        TestMirror mirror = TestMirror.create(tmp.resolve("mirror")).add(BIG, "v1.0.0", "module " + BIG + "\n", zip);
        MirrorServer server = MirrorServer.start(mirror.dir(), new InetSocketAddress("127.0.0.1", 0),
                ServeOptions.defaults().withShutdownGrace(Duration.ofSeconds(30)));
        int port = server.port();
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(8192);
            s.connect(new InetSocketAddress("127.0.0.1", port));
            s.getOutputStream().write(("GET /example.com/big/@v/v1.0.0.zip HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] first = in.readNBytes(16 * 1024);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            Thread.sleep(300);
            assertFalse(closing.isDone(), "close() waits for the download");
            assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(first);
            in.transferTo(all);
            byte[] response = all.toByteArray();
            byte[] body = java.util.Arrays.copyOfRange(response, response.length - zip.length, response.length);
            assertArrayEquals(zip, body);
            assertTrue(new String(response, 0, 200, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"));
            closing.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void anIdleKeepAliveConnectionDoesNotHoldUpClose() throws Exception {
        TestMirror mirror = TestMirror.create(tmp.resolve("mirror")).add("example.com/lib", "v1.0.0");
        MirrorServer server = MirrorServer.start(mirror.dir(), new InetSocketAddress("127.0.0.1", 0),
                ServeOptions.defaults().withShutdownGrace(Duration.ofSeconds(30)));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[10];
            assertEquals(10, s.getInputStream().readNBytes(answer, 0, 10));
            long start = System.nanoTime();
            server.close();
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "close waited for an idle connection");
        }
    }
}
