package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.universe.FixtureModule;
import dev.gosync.fixtures.universe.FixtureUniverse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge: the real go command, with a fresh module cache and GOPROXY pointing only at
 * {@code gosync serve}, does everything a developer does on the fixture project, and every
 * answer agrees with the same commands against {@code GOPROXY=file://<mirror>} (the go command
 * reading the mirror directly).
 */
class GoCommandAgainstServerTest {
    @TempDir
    Path tmp;

    @Test
    void theGoCommandWorksOfflineAgainstTheServerAndAgreesWithTheFileProxy() throws IOException {
        FixtureMirror mirror = FixtureMirror.get();
        try (MirrorServer server = MirrorServer.start(mirror.dir(), new InetSocketAddress("127.0.0.1", 0),
                ServeOptions.defaults())) {
            Map<String, String> viaServer = session(tmp.resolve("http"), server.url().toString(), mirror.universe());
            Map<String, String> viaFile = session(tmp.resolve("file"), mirror.dir().toUri().toString(), mirror.universe());
            assertEquals(viaFile, viaServer);
        }
    }

    @Test
    void latestIsWhatTheGoCommandResolvesLatestToForEveryFixtureModule() throws IOException {
        FixtureMirror mirror = FixtureMirror.get();
        GoSandbox go = GoSandbox.create(tmp.resolve("go")).set("GOPROXY", mirror.dir().toUri().toString())
                .set("GOFLAGS", "").set("GONOSUMDB", "*");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        try (MirrorServer server = MirrorServer.start(mirror.dir(), new InetSocketAddress("127.0.0.1", 0),
                ServeOptions.defaults())) {
            for (FixtureModule m : mirror.universe().modules()) {
                String expected = go.goOk(outside, "list", "-m", "-f", "{{.Version}}", m.path() + "@latest").trim();
                RawHttp.Response ours = RawHttp.get(server.port(), "/" + dev.gosync.gomod.module.ProxyLayout.latest(m.path()));
                assertEquals(200, ours.status(), m.path());
                assertTrue(ours.text().contains("\"Version\":\"" + expected + "\""), m.path() + ": go says " + expected
                        + ", the server says " + ours.text());
            }
        }
    }

    /** Runs the consumer commands; returns what each printed (or changed), for comparison. */
    static Map<String, String> session(Path dir, String goproxy, FixtureUniverse universe) throws IOException {
        GoSandbox go = GoSandbox.create(dir).set("GOPROXY", goproxy).set("GOFLAGS", "-modcacherw")
                .set("GONOSUMDB", "*").set("GOSUMDB", "off");
        Path project = FixtureUniverse.writeProject(dir.resolve("project"));
        String goMod = Files.readString(project.resolve("go.mod"));
        String goSum = Files.readString(project.resolve("go.sum"));
        Map<String, String> out = new LinkedHashMap<>();
        go.goOk(project, "mod", "download", "all");
        go.goOk(project, "build", "./...");
        out.put("test", go.goOk(project, "test", "-count=1", "./...").replaceAll("\\d+\\.\\d+s", "T"));
        out.put("run", go.goOk(project, "run", "."));
        go.goOk(project, "mod", "tidy");
        assertEquals(goMod, Files.readString(project.resolve("go.mod")), "go mod tidy changed go.mod");
        assertEquals(goSum, Files.readString(project.resolve("go.sum")), "go mod tidy changed go.sum");
        out.put("verify", go.goOk(project, "mod", "verify"));
        out.put("list all", go.goOk(project, "list", "-m", "all"));
        List<String> paths = new ArrayList<>();
        for (FixtureModule m : universe.modules()) {
            paths.add(m.path());
        }
        List<String> args = new ArrayList<>(List.of("list", "-m", "-versions", "-retracted"));
        args.addAll(paths);
        out.put("versions", go.goOk(project, args.toArray(String[]::new)));
        for (String path : paths) {
            Path copy = FixtureUniverse.writeProject(dir.resolve("get").resolve(Integer.toString(paths.indexOf(path))));
            var result = go.go(copy, "get", path + "@latest");
            out.put("get " + path, result.exitCode() + "\n" + (result.succeeded()
                    ? Files.readString(copy.resolve("go.mod")) : result.stderr().replace(goproxy, "PROXY")));
        }
        return out;
    }
}
