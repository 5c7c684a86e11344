package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.ExternalTool;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.gomod.GosyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from PEM files, judged by the go command trusting the test certificate through
 * SSL_CERT_FILE; and private modules through it with .netrc credentials, which the go command
 * sends only over HTTPS.
 */
class TlsGoCommandTest {
    @TempDir
    Path tmp;

    /** A self-signed certificate for 127.0.0.1 and its PKCS#8 key, made by openssl. */
    static ServeOptions.TlsFiles certificate(Path dir) throws Exception {
        Files.createDirectories(dir);
        ProcessResult r = ExternalTool.require("openssl").run(dir, null, "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        assertTrue(r.succeeded(), r.describe());
        return new ServeOptions.TlsFiles(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    }

    @Test
    void theGoCommandDownloadsOverHttpsAndSendsNetrcCredentials() throws Exception {
        ServeOptions.TlsFiles tls = certificate(tmp.resolve("tls"));
        TestMirror mirror = AccessControlTest.teamMirror(tmp.resolve("mirror"));
        try (MirrorServer server = MirrorServer.start(mirror.dir(), new InetSocketAddress("127.0.0.1", 0),
                ServeOptions.defaults().withTls(tls).withAccess(AccessControlTest.teamPolicy()))) {
            assertTrue(server.url().toString().startsWith("https://127.0.0.1:"), server.url().toString());
            GoSandbox go = GoSandbox.create(tmp.resolve("go")).set("GOPROXY", server.url().toString())
                    .set("GOFLAGS", "").set("GONOSUMDB", "*").set("SSL_CERT_FILE", tls.certificateChain().toString())
                    .set("NETRC", tmp.resolve("no-netrc").toString());
            Path outside = Files.createDirectories(tmp.resolve("outside"));
            ProcessResult open = go.go(outside, "mod", "download", "-json", "example.com/public/lib@v1.0.0");
            assertTrue(open.succeeded() && open.stdout().contains("\"Zip\""), open.describe());
            ProcessResult anonymous = go.go(outside, "mod", "download", "-json", "corp.example/team-b/svc@v1.0.0");
            assertFalse(anonymous.succeeded());
            assertTrue(anonymous.stdout().contains("401 Unauthorized") && anonymous.stdout().contains(".netrc"), anonymous.describe());
            Path netrc = tmp.resolve("netrc");
            // The go command looks credentials up by host:port and path prefix: the machine name carries the port.
            Files.writeString(netrc, "machine 127.0.0.1:" + server.port() + " login bob password "
                    + AccessControlTest.BOB_PASSWORD + "\n");
            go.set("NETRC", netrc.toString());
            ProcessResult bob = go.go(outside, "mod", "download", "-json", "corp.example/team-b/svc@v1.0.0");
            assertTrue(bob.succeeded() && bob.stdout().contains("\"Zip\""), bob.describe());
            ProcessResult hidden = go.go(outside, "mod", "download", "-json", "corp.example/team-a/other@v1.0.0");
            assertFalse(hidden.succeeded());
            assertTrue(hidden.stdout().contains("404 Not Found"), hidden.describe());
        }
    }

    @Test
    void unusableKeyFilesAreRefusedWithARemedy() throws Exception {
        ServeOptions.TlsFiles tls = certificate(tmp.resolve("tls"));
        Files.writeString(tmp.resolve("bad.pem"), "not a key");
        GosyncException e = assertThrows(GosyncException.class, () -> MirrorServer.start(tmp, new InetSocketAddress("127.0.0.1", 0),
                ServeOptions.defaults().withTls(new ServeOptions.TlsFiles(tls.certificateChain(), tmp.resolve("bad.pem")))));
        assertTrue(e.getMessage().contains("bad.pem") && e.remedy().contains("PKCS#8"), e.getMessage());
    }
}
