package dev.gosync.agent.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.agent.auth.GoAuth;
import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.agent.gitremote.DumbGitServer;
import dev.gosync.agent.gitremote.RemoteGitException;
import dev.gosync.agent.proxy.ProxyClientSettings;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.gomod.GosyncException;
import dev.gosync.fixtures.git.GitFile;
import dev.gosync.fixtures.git.GitRepoBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct mode over http with credentials: a git server on 127.0.0.1 that wants basic credentials,
 * reached through the user's {@code insteadOf}, with the password from .netrc. The right password
 * mirrors the repository; a wrong one fails with a message that names the module and the URL
 * but holds neither the password nor the header made of it, and neither does a password written
 * into the rewritten URL itself.
 */
class DirectAuthTest {
    private static final String MODULE = "github.com/gosync-auth/repo";
    private static final String PASSWORD = "s3cret-Token-4711";

    @TempDir
    static Path tmp;
    static DumbGitServer server;
    static String basic;

    @BeforeAll
    static void serve() {
        try (GitRepoBuilder b = GitRepoBuilder.init(tmp.resolve("git/repo"))) {
            b.commit("c1", ZonedDateTime.of(2024, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC),
                    GitFile.text("go.mod", "module " + MODULE + "\n\ngo 1.22\n"), GitFile.text("r.go", "package repo\n"))
                    .tag("v1.0.0");
        }
        server = new DumbGitServer(tmp.resolve("git"));
        basic = "Basic " + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        server.requireAuthorization(basic);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static DirectSource open(String name, String netrcPassword, String rewriteTo) throws IOException {
        Path netrc = tmp.resolve(name + ".netrc");
        String host = server.url().substring("http://".length(), server.url().length() - 1);
        Files.writeString(netrc, "machine " + host + " login alice password " + netrcPassword + "\n");
        GoSandbox user = GoSandbox.create(tmp.resolve(name)).redirectGit("https://github.com/gosync-auth/", Path.of("/unused"));
        Files.writeString(user.root().resolve("gitconfig"), "[url \"" + rewriteTo + "\"]\n\tinsteadOf = https://github.com/gosync-auth/\n");
        AuthConfig auth = new AuthConfig(GoAuth.fromEnvironment(GoEnvironment.of(Map.of("NETRC", netrc.toString()))), true);
        return SandboxDirect.open(user, tmp.resolve(name + "-work"), DirectSettings.of(VcsMap.empty()),
                ProxyClientSettings.defaults().withAuth(auth));
    }

    @Test
    void theNetrcPasswordOpensTheRepository() throws IOException {
        try (DirectSource direct = open("right", PASSWORD, server.url())) {
            assertEquals(List.of("v1.0.0"), direct.versions(MODULE));
        }
        assertTrue(server.authorizations().contains(basic));
    }

    @Test
    void aRefusedPasswordIsReportedWithoutTheSecret() throws IOException {
        try (DirectSource direct = open("wrong", "wrong-" + PASSWORD, server.url())) {
            RemoteGitException e = assertThrows(RemoteGitException.class, () -> direct.versions(MODULE));
            String shown = e.getMessage() + "\n" + e.remedy();
            assertTrue(e.getMessage().startsWith(MODULE + ": cannot fetch https://github.com/gosync-auth/repo (rewritten to "
                    + server.url() + "repo)"), e.getMessage());
            assertTrue(e.remedy().contains(".netrc"), e.remedy());
            assertFalse(shown.contains(PASSWORD), shown);
            assertFalse(shown.contains("Basic "), shown);
            assertFalse(shown.contains(Base64.getEncoder().encodeToString(("alice:wrong-" + PASSWORD).getBytes(
                    StandardCharsets.UTF_8))), shown);
        }
    }

    @Test
    void credentialsWrittenIntoTheRewrittenUrlAreUsed() throws IOException {
        String withPassword = server.url().replace("http://", "http://alice:" + PASSWORD + "@");
        try (DirectSource direct = open("urlcreds", "unused", withPassword)) {
            assertEquals(List.of("v1.0.0"), direct.versions(MODULE));
        }
    }

    @Test
    void aPasswordInTheRewrittenUrlNeverShowsInMessages() throws IOException {
        String withPassword = server.url().replace("http://", "http://alice:wrong-" + PASSWORD + "@");
        try (DirectSource direct = open("inurl", "unused", withPassword)) {
            RemoteGitException e = assertThrows(RemoteGitException.class, () -> direct.versions(MODULE));
            assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
            assertFalse(e.getMessage().contains("alice"), e.getMessage());
            assertTrue(e.getMessage().contains("(rewritten to " + server.url() + "repo)"), e.getMessage());
        }
    }

    /**
     * A personal access token written as the URL's user name, the usual form, is a secret too: it
     * shows in no message, names no mirror directory and is written into no file of the cache,
     * whether the server refuses it or cannot be reached at all. The message names the URL once.
     */
    @Test
    void aTokenInAMappedUrlShowsNowhere() throws IOException {
        String token = "ghp_SECRETtoken4711";
        String unreachable = "http://" + token + "@127.0.0.1:1/x.git";
        String refused = server.url().replace("http://", "http://" + token + "@") + "repo";
        for (String url : List.of(unreachable, refused)) {
            Path work = Files.createTempDirectory(tmp, "token");
            GoSandbox user = GoSandbox.create(work.resolve("sandbox"));
            VcsMap map = VcsMap.of(List.of(VcsMap.parseEntry(MODULE + "=" + url, "--vcs-map")));
            try (DirectSource direct = SandboxDirect.open(user, work, DirectSettings.of(map))) {
                RemoteGitException e = assertThrows(RemoteGitException.class, () -> direct.versions(MODULE));
                String shown = e.getMessage() + "\n" + e.remedy();
                assertFalse(shown.contains(token), shown);
                String shownUrl = url.replace(token + "@", "");
                assertTrue(e.getMessage().startsWith(MODULE + ": cannot fetch " + shownUrl + ": "), e.getMessage());
                assertEquals(1, e.getMessage().split(java.util.regex.Pattern.quote(shownUrl), -1).length - 1,
                        "the URL once, not again from JGit: " + e.getMessage());
            }
            try (var files = Files.walk(work.resolve("mirrors"))) {
                for (Path f : files.toList()) {
                    assertFalse(f.toString().contains(token), f.toString());
                    if (Files.isRegularFile(f)) {
                        assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(token), f.toString());
                    }
                }
            }
        }
        GosyncException badSpec = assertThrows(GosyncException.class,
                () -> VcsMap.parseEntry("https://" + token + "@127.0.0.1:1/x.git", "--vcs-map"));
        assertFalse(badSpec.getMessage().contains(token), badSpec.getMessage());
    }
}
