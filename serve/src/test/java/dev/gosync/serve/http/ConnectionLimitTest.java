package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-connections}: connections beyond the limit are answered 503 and closed as soon as
 * they are accepted, the connections being served keep working, and /metrics shows open,
 * refused and the limit. No timing assertions: every wait is a bounded read or a bounded retry.
 */
class ConnectionLimitTest {
    private static final int MAX = 2;

    @TempDir
    Path tmp;
    MirrorServer server;
    final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        TestMirror mirror = TestMirror.create(tmp.resolve("mirror")).add("example.com/lib", "v1.0.0");
        server = MirrorServer.start(mirror.dir(), new InetSocketAddress("127.0.0.1", 0),
                ServeOptions.defaults().withMaxConnections(MAX));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        server.close();
    }

    @Test
    void connectionsBeyondTheLimitGet503AndAreClosedWhileTheServedOnesKeepWorking() throws IOException {
        Socket a = servedConnection();
        Socket b = servedConnection();
        for (int i = 0; i < 20; i++) {
            String refused = readToEnd(open());
            assertTrue(refused.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), refused);
            assertTrue(refused.toLowerCase(Locale.ROOT).contains("connection: close"), refused);
        }
        for (Socket s : new Socket[] {a, b}) {
            Answer r = exchange(s, "/example.com/lib/@v/v1.0.0.info");
            assertEquals(200, r.status());
            assertEquals(TestMirror.info("v1.0.0"), r.body());
        }
        String metrics = exchange(a, "/metrics").body();
        assertTrue(metrics.contains("\ngosync_http_connections_refused_total 20\n"), metrics);
        assertTrue(metrics.contains("\ngosync_http_connections_open 2\n"), metrics);
        assertTrue(metrics.contains("\ngosync_http_connections_max 2\n"), metrics);
        assertTrue(metrics.contains("\ngosync_http_connections_total 2\n"), metrics);
    }

    @Test
    void aClosedConnectionFreesItsPlace() throws IOException, InterruptedException {
        servedConnection();
        Socket b = servedConnection();
        assertTrue(readToEnd(open()).startsWith("HTTP/1.1 503"));
        b.close();
        // The server learns of the close asynchronously: retry, bounded, until a new connection is served.
        int status = 0;
        for (int i = 0; i < 100 && status != 200; i++) {
            Socket c = open();
            c.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = readToEnd(c);
            status = answer.startsWith("HTTP/1.1 200") ? 200 : 503;
            if (status != 200) {
                Thread.sleep(50);
            }
        }
        assertEquals(200, status, "no connection was served again after one of the two closed");
    }

    @Test
    void overTlsAConnectionBeyondTheLimitIsClosedUnanswered() throws Exception {
        ServeOptions.TlsFiles tls = TlsGoCommandTest.certificate(tmp.resolve("tls"));
        try (MirrorServer tlsServer = MirrorServer.start(tmp.resolve("mirror"), new InetSocketAddress("127.0.0.1", 0),
                ServeOptions.defaults().withTls(tls).withMaxConnections(1))) {
            try (javax.net.ssl.SSLSocket served = (javax.net.ssl.SSLSocket) trusting(tls).getSocketFactory()
                    .createSocket("127.0.0.1", tlsServer.port())) {
                served.setSoTimeout(10_000);
                assertEquals(200, exchange(served, "/healthz").status());
                Socket refused = new Socket();
                sockets.add(refused);
                refused.connect(new InetSocketAddress("127.0.0.1", tlsServer.port()), 5000);
                refused.setSoTimeout(10_000);
                // Not a byte of TLS (nor a plain-text 503 the TLS client could not read): just the close.
                assertEquals("", readToEnd(refused));
                assertEquals(200, exchange(served, "/healthz").status());
            }
        }
    }

    private static javax.net.ssl.SSLContext trusting(ServeOptions.TlsFiles tls) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = java.nio.file.Files.newInputStream(tls.certificateChain())) {
            trust.setCertificateEntry("gosync", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    @Test
    void theDefaultLimitIsGenerousAndDocumented() {
        assertEquals(4096, ServeOptions.defaults().maxConnections());
    }

    /** A connection that has been answered once, so it is certainly counted as served. */
    private Socket servedConnection() throws IOException {
        Socket s = open();
        assertEquals(200, exchange(s, "/healthz").status());
        return s;
    }

    private Socket open() throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    private static byte[] request(String target) {
        return ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    record Answer(int status, String body) {
    }

    /** One keep-alive request and its response (read by Content-Length), leaving the connection open. */
    private static Answer exchange(Socket s, String target) throws IOException {
        s.getOutputStream().write(request(target));
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the response head: " + head);
            }
            head.write(b);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Answer(Integer.parseInt(h.split(" ")[1]), new String(body, StandardCharsets.UTF_8));
    }

    /** Everything the server sends until it closes (a reset after the answer counts as the end). */
    private static String readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
        } catch (SocketException e) {
            // reset by the server after it closed
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
