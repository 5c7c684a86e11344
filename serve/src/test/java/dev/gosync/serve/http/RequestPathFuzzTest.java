package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and mutated request targets against a live server: whatever the path, the answer is
 * never a server error and never contains a byte of the secrets planted outside the mirror,
 * inside its private directory and behind links.
 */
class RequestPathFuzzTest {
    private static final List<String> VALID = List.of("/example.com/lib/@v/list", "/example.com/lib/@v/v1.0.0.info",
            "/example.com/lib/@v/v1.0.0.mod", "/example.com/lib/@v/v1.0.0.zip", "/example.com/lib/@latest",
            "/example.com/linked/@v/list", "/example.com/evil/@v/v1.0.0.zip", "/.gosync/index.db", "/healthz");
    private static final List<String> PIECES = List.of("..", ".", "/", "%2e", "%2E", "%2f", "%2F", "%5c", "\\", "%00",
            "%25", "%252e", "%c0%ae", "%e0%80%ae", "%ff", "%", "!", "!!", "@v", "@latest", "secret", ".gosync",
            "index.db", "v1.0.0", "+incompatible", "-", "~", "?", "#", ";", "%3f", "%23", "\u00e9", "%c3%a9", "A", "Z",
            "//", "/../", "/./", "..%2f", "%2e%2e%2f", "list", ".zip", ".info", ".mod", "%20", "*", ":", "%0d%0a",
            "goproxy", "/goproxy", "%67oproxy", "goproxyX");

    private static Path dir;
    private static MirrorServer server;
    private static Path prefixedDir;
    private static MirrorServer prefixed;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("gosync-fuzz-");
        server = HostileRequestTest.startWithSecrets(dir, ServeOptions.defaults());
        prefixedDir = Files.createTempDirectory("gosync-fuzz-prefix-");
        prefixed = HostileRequestTest.startWithSecrets(prefixedDir,
                ServeOptions.defaults().withPathPrefix(PathPrefix.parse("/goproxy")));
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        prefixed.close();
        dev.gosync.fixtures.FileTrees.delete(dir);
        dev.gosync.fixtures.FileTrees.delete(prefixedDir);
    }

    @Property(tries = 600)
    void noPathYieldsA5xxOrASecret(@ForAll("targets") String target) throws IOException {
        // Latin-1 keeps every generated char one byte, so raw non-ASCII bytes reach the server too.
        byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Response r = RawHttp.send(server.port(), request);
        assertTrue(r.status() < 500, target + " -> " + r.status());
        assertFalse(r.text().contains(HostileRequestTest.SECRET), target);
    }

    @Property(tries = 300)
    void noPathUnderAPrefixYieldsA5xxOrASecret(@ForAll("prefixedTargets") String target) throws IOException {
        byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Response r = RawHttp.send(prefixed.port(), request);
        assertTrue(r.status() < 500, target + " -> " + r.status());
        assertFalse(r.text().contains(HostileRequestTest.SECRET), target);
    }

    @Provide
    Arbitrary<String> prefixedTargets() {
        return Arbitraries.oneOf(targets().map(t -> "/goproxy" + t), targets());
    }

    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> mutated = Arbitraries.of(VALID).flatMap(base -> Arbitraries.of(PIECES).list().ofMaxSize(6)
                .flatMap(pieces -> Arbitraries.integers().between(0, base.length()).list().ofSize(pieces.size())
                        .map(positions -> insert(base, pieces, positions))));
        Arbitrary<String> joined = Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(12).map(p -> "/" + String.join("", p));
        Arbitrary<String> random = Arbitraries.strings().withCharRange((char) 0x21, (char) 0xff).ofMaxLength(80).map(s -> "/" + s);
        return Arbitraries.oneOf(mutated, joined, random);
    }

    private static String insert(String base, List<String> pieces, List<Integer> positions) {
        StringBuilder b = new StringBuilder(base);
        for (int i = 0; i < pieces.size(); i++) {
            b.insert(Math.min(positions.get(i), b.length()), pieces.get(i));
        }
        return b.toString();
    }
}
