package dev.gosync.agent.gitremote;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.agent.auth.CredentialProvider;
import dev.gosync.fixtures.git.GitFile;
import dev.gosync.fixtures.git.GitRepoBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A git server that redirects to another host must not receive the credentials meant for the
 * first one: the Authorization header goes to the repository URL's host only, as with the go
 * command (whose git would not send them to another host either).
 */
class RedirectCredentialsTest {
    private static final String SECRET = "Bearer gosync-git-SECRET-4711";

    @TempDir
    Path tmp;

    /** Credentials for 127.0.0.1 (as a .netrc entry for that machine would give), allowed over loopback http. */
    private static RemoteAccess access() {
        CredentialProvider forLoopbackAddress = new CredentialProvider() {
            @Override
            public Optional<String> authorization(URI url) {
                return url.getHost().equals("127.0.0.1") ? Optional.of(SECRET) : Optional.empty();
            }

            @Override
            public Optional<String> refreshedAuthorization(URI url) {
                return authorization(url);
            }
        };
        return new RemoteAccess(new AuthConfig(forLoopbackAddress, true), Optional.empty(), 10);
    }

    @Test
    void aRedirectToAnotherHostGetsNoCredentials() throws IOException {
        try (GitRepoBuilder b = GitRepoBuilder.init(tmp.resolve("git/repo"))) {
            b.commit("c1", ZonedDateTime.of(2024, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC), GitFile.text("a.txt", "1\n"))
                    .tag("v1.0.0");
        }
        HttpServer redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        try (DumbGitServer elsewhere = new DumbGitServer(tmp.resolve("git"))) {
            String otherHost = elsewhere.url().replace("127.0.0.1", "localhost");
            redirector.createContext("/", ex -> {
                String query = ex.getRequestURI().getRawQuery();
                ex.getResponseHeaders().add("Location", otherHost + ex.getRequestURI().getRawPath().substring(1)
                        + (query == null ? "" : "?" + query));
                ex.sendResponseHeaders(302, -1);
                ex.close();
            });
            redirector.start();
            String url = "http://127.0.0.1:" + redirector.getAddress().getPort() + "/repo";
            try (MirrorCache cache = new MirrorCache(tmp.resolve("mirrors"), access())) {
                try {
                    cache.mirror(url, url);
                } catch (RemoteGitException e) {
                    // Following or refusing the redirect are both fine; leaking the header is not.
                    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
                }
            }
            assertFalse(elsewhere.authorizations().isEmpty() && elsewhere.authorizations().contains(SECRET),
                    "the other host was sent " + elsewhere.authorizations());
            assertTrue(elsewhere.authorizations().stream().noneMatch(SECRET::equals), elsewhere.authorizations().toString());
        } finally {
            redirector.stop(0);
        }
    }
}
