package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.LayoutStore;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    private static final ModuleVersion BIG = new ModuleVersion("example.com/big", "v1.0.0");
    private static final int ZIP_SIZE = 24 << 20;

    @TempDir
    Path tmp;

    @Test
    void withoutDirItIsAUsageError() {
        CliRun run = CliRun.of("serve");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--dir"), run.err());
    }

    @Test
    void aMissingMirrorIsRefusedWithARemedy() {
        CliRun run = CliRun.of("serve", "--dir", tmp.resolve("nope").toString(), "--listen", "127.0.0.1:0");
        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.err().contains("does not exist") && run.err().contains("remedy"), run.err());
    }

    @Test
    void aBadListenAddressIsAUsageError() {
        CliRun run = CliRun.of("serve", "--dir", tmp.toString(), "--listen", "localhost");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("HOST:PORT"), run.err());
    }

    @Test
    void listenAddressesInEveryForm() {
        assertEquals(new InetSocketAddress("127.0.0.1", 3000), ServeCommand.address("127.0.0.1:3000"));
        InetSocketAddress v6 = ServeCommand.address("[::1]:8080");
        assertTrue(v6.getAddress().isLoopbackAddress() && v6.getAddress() instanceof java.net.Inet6Address, v6.toString());
        assertEquals(8080, v6.getPort());
        assertTrue(ServeCommand.address(":3000").getAddress().isAnyLocalAddress());
        assertThrows(dev.gosync.gomod.GosyncException.class, () -> ServeCommand.address("127.0.0.1:99999"));
        assertThrows(dev.gosync.gomod.GosyncException.class, () -> ServeCommand.address("127.0.0.1:http"));
    }

    @Test
    void tlsCertWithoutKeyIsAUsageError() {
        CliRun run = CliRun.of("serve", "--dir", tmp.toString(), "--tls-cert", "c.pem");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--tls-key"), run.err());
        run = CliRun.of("serve", "--dir", tmp.toString(), "--tls-key", "k.pem");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--tls-cert"), run.err());
    }

    @Test
    void valuesThatCannotWorkAreUsageErrorsNamingTheOption() {
        String[][] cases = {
            {"--shutdown-grace", "-1"},
            {"--threads", "0"},
            {"--threads", "-2"},
            {"--header-timeout", "-1"},
            {"--header-timeout", "0"},
            {"--idle-timeout", "-5"},
            {"--listen", "127.0.0.1:99999"},
            {"--listen", "127.0.0.1:http"},
            {"--max-connections", "0"},
            {"--max-connections", "-1"},
            {"--path-prefix", "/goproxy/../x"},
            {"--path-prefix", "/a//b"},
            {"--path-prefix", "/go%2Fproxy"},
            {"--path-prefix", "/go proxy"},
        };
        for (String[] c : cases) {
            // The mirror does not exist either: the usage error comes first, before anything is opened.
            CliRun run = CliRun.of("serve", "--dir", tmp.resolve("nope").toString(), c[0], c[1]);
            assertEquals(ExitCodes.USAGE, run.exitCode(), String.join(" ", c) + ": " + run.err());
            assertTrue(run.err().contains(c[0] + " " + c[1]), run.err());
        }
    }

    @Test
    void helpIsNotAUsageError() {
        CliRun run = CliRun.of("serve", "--help");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("--dir") && run.out().contains("--auth"), run.out());
    }

    @Test
    void authOverPlainHttpWarnsThatTheGoCommandSendsNoCredentials() throws IOException {
        Path policy = Files.writeString(tmp.resolve("policy"), "public example.com\n");
        CliRun run = CliRun.of("serve", "--dir", tmp.resolve("nope").toString(), "--listen", "127.0.0.1:0",
                "--auth", policy.toString());
        assertTrue(run.err().contains("warning: --auth without --tls-cert")
                && run.err().contains("never sends credentials over plain http"), run.err());
        run = CliRun.of("serve", "--dir", tmp.resolve("nope").toString(), "--listen", "127.0.0.1:0",
                "--auth", policy.toString(), "--tls-cert", "c.pem", "--tls-key", "k.pem");
        assertTrue(!run.err().contains("warning"), run.err());
    }

    @Test
    @Timeout(120)
    void sigtermLetsTheDownloadInFlightFinishThenExitsZero() throws Exception {
        byte[] zip = new byte[ZIP_SIZE];
        new Random(1).nextBytes(zip);
        Path mirror = tmp.resolve("mirror");
        try (LayoutStore.Transaction tx = LayoutStore.create(mirror).begin()) {
            tx.put(BIG, LayoutPath.Kind.INFO, new ByteArrayInputStream(
                    "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8)));
            tx.put(BIG, LayoutPath.Kind.MOD, new ByteArrayInputStream("module example.com/big\n".getBytes(StandardCharsets.UTF_8)));
            tx.put(BIG, LayoutPath.Kind.ZIP, new ByteArrayInputStream(zip));
            tx.commit();
        }
        Path log = tmp.resolve("access.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--dir", mirror.toString(), "--listen", "127.0.0.1:0", "--access-log", log.toString()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("serving "), first);
            URI url = URI.create(first.substring(first.indexOf(" at ") + 4, first.indexOf(" (")));
            try (Socket s = new Socket()) {
                s.setReceiveBufferSize(8192);
                s.connect(new InetSocketAddress("127.0.0.1", url.getPort()));
                OutputStream os = s.getOutputStream();
                os.write(("GET /example.com/big/@v/v1.0.0.zip HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                os.flush();
                InputStream in = s.getInputStream();
                String head = readHead(in);
                assertTrue(head.startsWith("HTTP/1.1 200"), head);
                byte[] start = in.readNBytes(4096);
                p.destroy();
                Thread.sleep(300);
                assertThrows(IOException.class, () -> {
                    try (Socket late = new Socket("127.0.0.1", url.getPort())) {
                        late.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        if (late.getInputStream().read() < 0) {
                            throw new IOException("closed");
                        }
                    }
                }, "a new connection after SIGTERM is refused");
                byte[] rest = in.readAllBytes();
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(start);
                sha.update(rest);
                assertEquals(ZIP_SIZE, start.length + rest.length);
                assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(zip), sha.digest());
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server exits after the download");
            assertEquals(0, p.exitValue());
            String logged = Files.readString(log);
            assertTrue(logged.contains("\"GET /example.com/big/@v/v1.0.0.zip HTTP/1.1\" 200 " + ZIP_SIZE), logged);
        } finally {
            p.destroyForcibly();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.append((char) c);
        }
        return b.toString();
    }
}
