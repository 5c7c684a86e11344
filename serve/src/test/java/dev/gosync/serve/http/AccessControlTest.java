package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.GosyncException;
import dev.gosync.serve.auth.AccessPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private modules visible only to some teams: public paths for everyone, bearer tokens and
 * basic-auth users limited to their module path prefixes, and a module outside a client's
 * prefixes indistinguishable from one the mirror does not hold.
 */
class AccessControlTest {
    static final String TOKEN_A = "team-a-token-123";
    static final String BOB_PASSWORD = "bobs-secret";

    @TempDir
    Path tmp;
    MirrorServer server;
    int port;

    @BeforeEach
    void start() throws Exception {
        server = MirrorServer.start(teamMirror(tmp.resolve("mirror")).dir(), new InetSocketAddress("127.0.0.1", 0),
                ServeOptions.defaults().withAccess(teamPolicy()));
        port = server.port();
    }

    /** A public module and one module each of two teams. */
    static TestMirror teamMirror(Path dir) {
        return TestMirror.create(dir)
                .add("example.com/public/lib", "v1.0.0")
                .add("corp.example/team-a/svc", "v1.0.0")
                .add("corp.example/team-b/svc", "v1.0.0");
    }

    /** example.com public; team A by token (stored hashed); bob sees team B and team A's svc. */
    static AccessPolicy teamPolicy() throws Exception {
        String tokenHash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(TOKEN_A.getBytes(StandardCharsets.UTF_8)));
        return AccessPolicy.parse(List.of(
                "# who sees what",
                "public example.com",
                "token sha256:" + tokenHash + " corp.example/team-a",
                "user bob " + BOB_PASSWORD + " corp.example/team-b,corp.example/team-a/svc"), "policy");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String bearer(String token) {
        return "Authorization: Bearer " + token;
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void publicModulesNeedNoCredentials() throws IOException {
        assertEquals(200, RawHttp.get(port, "/example.com/public/lib/@v/list").status());
    }

    @Test
    void privateModulesWithoutCredentialsGet401WhetherOrNotTheyExist() throws IOException {
        RawHttp.Response existing = RawHttp.get(port, "/corp.example/team-a/svc/@v/list");
        RawHttp.Response missing = RawHttp.get(port, "/corp.example/team-a/nothing/@v/list");
        assertEquals(401, existing.status());
        assertEquals(401, missing.status());
        assertTrue(existing.header("www-authenticate").startsWith("Basic realm="), existing.header("www-authenticate"));
        assertEquals(existing.text(), missing.text());
    }

    @Test
    void aTokenSeesItsPrefixesAndGetsTheSame404ForOthersAsForMissingModules() throws IOException {
        assertEquals(200, RawHttp.get(port, "/corp.example/team-a/svc/@v/v1.0.0.zip", bearer(TOKEN_A)).status());
        assertEquals(200, RawHttp.get(port, "/example.com/public/lib/@v/list", bearer(TOKEN_A)).status());
        RawHttp.Response hidden = RawHttp.get(port, "/corp.example/team-b/svc/@v/v1.0.0.info", bearer(TOKEN_A));
        RawHttp.Response missing = RawHttp.get(port, "/corp.example/team-a/svc/@v/v1.9.0.info", bearer(TOKEN_A));
        assertEquals(404, hidden.status());
        assertEquals(404, missing.status());
        assertEquals(hidden.text().replace("team-b/svc@v1.0.0", "X"), missing.text().replace("team-a/svc@v1.9.0", "X"));
        assertEquals(hidden.headers().keySet(), missing.headers().keySet());
    }

    @Test
    void wrongCredentialsGet401() throws IOException {
        assertEquals(401, RawHttp.get(port, "/corp.example/team-a/svc/@v/list", bearer("guess")).status());
        assertEquals(401, RawHttp.get(port, "/corp.example/team-b/svc/@v/list", basic("bob", "guess")).status());
        assertEquals(401, RawHttp.get(port, "/corp.example/team-b/svc/@v/list", basic("eve", BOB_PASSWORD)).status());
        // A token is not a password, nor the other way round.
        assertEquals(401, RawHttp.get(port, "/corp.example/team-a/svc/@v/list", "Authorization: Basic !!!").status());
    }

    @Test
    void basicUsersSeeTheirPrefixes() throws IOException {
        String bob = basic("bob", BOB_PASSWORD);
        assertEquals(200, RawHttp.get(port, "/corp.example/team-b/svc/@v/list", bob).status());
        assertEquals(200, RawHttp.get(port, "/corp.example/team-a/svc/@v/list", bob).status());
        assertEquals(404, RawHttp.get(port, "/corp.example/team-a/other/@v/list", bob).status());
    }

    @Test
    void healthAndMetricsAreOpenAndNameNoModule() throws IOException {
        assertEquals(200, RawHttp.get(port, "/corp.example/team-b/svc/@v/list", basic("bob", BOB_PASSWORD)).status());
        assertEquals(401, RawHttp.get(port, "/corp.example/team-a/secret/@v/v1.0.0.info").status());
        assertEquals(404, RawHttp.get(port, "/corp.example/team-a/svc/@v/v9.9.9.mod", bearer(TOKEN_A)).status());
        assertEquals(200, RawHttp.get(port, "/healthz").status());
        RawHttp.Response metrics = RawHttp.get(port, "/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.text().contains("gosync_http_requests_total"), metrics.text());
        assertFalse(metrics.text().contains("corp.example") || metrics.text().contains("team-")
                || metrics.text().contains("svc") || metrics.text().contains("bob"), metrics.text());
    }

    @Test
    void thePolicyExampleOfTheDocsMeansWhatItSays() throws Exception {
        String doc = java.nio.file.Files.readString(Path.of("..", "docs", "serving.md"));
        int section = doc.indexOf("### Private modules");
        int start = doc.indexOf("```\n", section) + 4;
        String block = doc.substring(start, doc.indexOf("```", start));
        AccessPolicy policy = AccessPolicy.parse(block.lines().toList(), "docs/serving.md");
        assertEquals(AccessPolicy.Verdict.ALLOW, policy.decide(null, "github.com/x/y").verdict());
        assertEquals(AccessPolicy.Verdict.CHALLENGE, policy.decide(null, "corp.example/team-a/svc").verdict());
        assertEquals(AccessPolicy.Verdict.ALLOW, policy.decide("Bearer team-a-token", "corp.example/team-a/svc").verdict());
        assertEquals(AccessPolicy.Verdict.HIDE, policy.decide("Bearer team-a-token", "corp.example/team-b/svc").verdict());
        String alice = basic("alice", "s3cret").substring("Authorization: ".length());
        assertEquals(AccessPolicy.Verdict.ALLOW, policy.decide(alice, "corp.example/shared/lib").verdict());
        assertEquals(AccessPolicy.Verdict.HIDE, policy.decide(alice, "corp.example/team-a/svc").verdict());
    }

    @Test
    void aBadPolicyLineIsNamed() {
        GosyncException e = assertThrows(GosyncException.class,
                () -> AccessPolicy.parse(List.of("public example.com", "token onlyone"), "policy.conf"));
        assertTrue(e.getMessage().contains("policy.conf:2"), e.getMessage());
        assertThrows(GosyncException.class, () -> AccessPolicy.parse(List.of("admin x y"), "p"));
        assertThrows(GosyncException.class, () -> AccessPolicy.parse(List.of("token sha256:abc corp"), "p"));
    }
}
