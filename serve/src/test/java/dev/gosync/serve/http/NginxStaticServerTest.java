package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.ExternalTool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third way to consume a mirror, exactly as docs/serving.md documents it: the nginx server
 * block from the document, run by the real nginx (as the current user, no daemon, everything
 * under a temporary prefix, on 127.0.0.1), and the go command building the fixture project
 * through it with the same results as through {@code GOPROXY=file://}.
 */
class NginxStaticServerTest {
    private static final Path DOC = Path.of("..", "docs", "serving.md");

    @TempDir
    Path tmp;

    /** The ```nginx block of docs/serving.md. */
    static String documentedServerBlock() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("```nginx\n");
        assertTrue(start >= 0, "docs/serving.md has no nginx example");
        int end = doc.indexOf("\n```", start + 9);
        return doc.substring(start + 9, end + 1);
    }

    @Test
    void theDocumentedNginxConfigServesTheGoCommandLikeTheFileProxy() throws Exception {
        FixtureMirror mirror = FixtureMirror.get();
        try (RunningNginx nginx = RunningNginx.start(tmp.resolve("nginx"), mirror.dir(), documentedServerBlock())) {
            String url = "http://127.0.0.1:" + nginx.port + "/";
            assertEquals(404, RawHttp.get(nginx.port, "/.gosync/lock").status());
            RawHttp.Response info = RawHttp.get(nginx.port, "/github.com/gosync-fixtures/basic/@v/v1.0.0.info");
            assertEquals("application/json", info.header("content-type"));
            Map<String, String> viaNginx = GoCommandAgainstServerTest.session(tmp.resolve("http"), url, mirror.universe());
            Map<String, String> viaFile = GoCommandAgainstServerTest.session(tmp.resolve("file"),
                    mirror.dir().toUri().toString(), mirror.universe());
            assertEquals(viaFile, viaNginx);
        }
    }

    /** nginx in the foreground, one process, with a generated nginx.conf around a server block. */
    static final class RunningNginx implements AutoCloseable {
        final Process process;
        final int port;

        private RunningNginx(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static RunningNginx start(Path prefix, Path mirror, String serverBlock) throws Exception {
            ExternalTool nginx = ExternalTool.require("nginx");
            Files.createDirectories(prefix);
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            String block = serverBlock.replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                    .replace("/srv/gosync/mirror", mirror.toString());
            String p = prefix.toString();
            String conf = "daemon off;\nmaster_process off;\nworker_processes 1;\n"
                    + "error_log " + p + "/error.log;\npid " + p + "/nginx.pid;\n"
                    + "events { worker_connections 256; }\n"
                    + "http {\n    access_log off;\n"
                    + "    client_body_temp_path " + p + "/body;\n    proxy_temp_path " + p + "/proxy;\n"
                    + "    fastcgi_temp_path " + p + "/fastcgi;\n    uwsgi_temp_path " + p + "/uwsgi;\n"
                    + "    scgi_temp_path " + p + "/scgi;\n" + block + "}\n";
            Files.writeString(prefix.resolve("nginx.conf"), conf);
            Process process = new ProcessBuilder(List.of(nginx.binary().toString(), "-p", p, "-e", p + "/error.log",
                    "-c", prefix.resolve("nginx.conf").toString()))
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
            RunningNginx running = new RunningNginx(process, port);
            for (int i = 0; i < 200; i++) {
                if (!process.isAlive()) {
                    running.close();
                    throw new AssertionError("nginx exited: " + Files.readString(prefix.resolve("stdout.log"))
                            + readIfExists(prefix.resolve("error.log")));
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return running;
                } catch (IOException e) {
                    Thread.sleep(50);
                }
            }
            running.close();
            throw new AssertionError("nginx did not listen on port " + port + " within 10 s");
        }

        private static String readIfExists(Path file) throws IOException {
            return Files.exists(file) ? Files.readString(file) : "";
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
