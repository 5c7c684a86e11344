package dev.gosync.agent.discovery;

import static dev.gosync.agent.discovery.DiscoveryServers.meta;
import static dev.gosync.agent.discovery.DiscoveryServers.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.auth.AuthConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ?go-get=1} discovery as the go command does it, against https and http servers on
 * 127.0.0.1 standing in for {@code corp.example}: which tag counts, how a tag for a shorter prefix
 * is confirmed, the subdirectory field, {@code mod} entries, GOINSECURE, and the go command's
 * messages for every way it fails.
 */
class RepoRootFinderTest {
    @TempDir
    static Path tmp;
    static DiscoveryServers servers;

    @BeforeAll
    static void serve() {
        servers = new DiscoveryServers(tmp);
        servers.https("corp.example/exact", page(meta("corp.example/exact", "git", "https://git.corp.example/exact")))
                .https("corp.example/team/repo/sub/pkg", page(meta("corp.example/team/repo", "git", "https://git.corp.example/team/repo")))
                .https("corp.example/team/repo", page(meta("corp.example/team/repo", "git", "https://git.corp.example/team/repo")))
                .https("corp.example/liar/sub", page(meta("corp.example/liar", "git", "https://evil.example/liar")))
                .https("corp.example/liar", page(meta("corp.example/liar", "git", "https://git.corp.example/liar")))
                .https("corp.example/mods", page("<meta name=\"go-import\" content=\"corp.example/mods git https://git.corp.example/big sub/dir\">"))
                .https("corp.example/proxied", page(meta("corp.example/proxied", "git", "https://git.corp.example/p"),
                        meta("corp.example/proxied", "mod", "https://proxy.corp.example/")))
                .https("corp.example/none", page())
                .https("corp.example/in404", 404, page(meta("corp.example/in404", "git", "https://git.corp.example/in404")))
                .https("corp.example/other", page(meta("other.example/x", "git", "https://git.corp.example/x")))
                .https("corp.example/multi", page(meta("corp.example", "git", "https://a.example/"),
                        meta("corp.example/multi", "git", "https://b.example/")))
                .https("corp.example/local", page(meta("corp.example/local", "git", "file:///srv/git/local")))
                .https("corp.example/cvs", page(meta("corp.example/cvs", "cvs", "https://git.corp.example/cvs")))
                .https("corp.example/slash", page("<meta name=\"go-import\" content=\"corp.example/slash git https://g.example/s /abs\">"))
                .http("corp.example/plain", page(meta("corp.example/plain", "git", "http://git.corp.example/plain")));
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    private static RepoRootFinder finder(String goinsecure, String govcs, SSLContext trust, UnaryOperator<URI> route) {
        return new RepoRootFinder(Govcs.of(govcs, ""), goinsecure,
                new HttpPageFetcher(trust, AuthConfig.none(), Duration.ofSeconds(5), route), (vcs, url) -> false, List.of());
    }

    private static RepoRootFinder finder() {
        return finder("", "", servers.trusting(), servers.route());
    }

    private static String failure(RepoRootFinder finder, String path) {
        return assertThrows(DiscoveryException.class, () -> finder.find(path)).getMessage();
    }

    @Test
    void aTagForThePathItselfNamesTheRepository() {
        assertEquals(new RepoRoot("corp.example/exact", "git", "https://git.corp.example/exact", "", true),
                finder().find("corp.example/exact"));
    }

    @Test
    void aTagForAShorterPrefixCountsOnceThePrefixsOwnPageConfirmsIt() {
        assertEquals(new RepoRoot("corp.example/team/repo", "git", "https://git.corp.example/team/repo", "", true),
                finder().find("corp.example/team/repo/sub/pkg"));
        assertTrue(servers.requests().contains("https /team/repo?go-get=1"), servers.requests().toString());
    }

    @Test
    void aPrefixPageThatDisagreesIsRefused() {
        assertEquals("unrecognized import path \"corp.example/liar/sub\": https://corp.example/liar/sub?go-get=1 and"
                + " //corp.example/liar?go-get=1 disagree about go-import for corp.example/liar",
                failure(finder(), "corp.example/liar/sub"));
    }

    @Test
    void theFourthFieldIsTheModulesDirectoryInTheRepository() {
        assertEquals(new RepoRoot("corp.example/mods", "git", "https://git.corp.example/big", "sub/dir", true),
                finder().find("corp.example/mods"));
    }

    @Test
    void aModEntryWinsOverTheVersionControlEntryForTheSamePrefix() {
        assertEquals(new RepoRoot("corp.example/proxied", "mod", "https://proxy.corp.example/", "", true),
                finder().find("corp.example/proxied"));
    }

    @Test
    void pagesThatNameNoRepositoryFailWithTheGoCommandsMessages() {
        RepoRootFinder f = finder();
        assertEquals("unrecognized import path \"corp.example/none\": parse https://corp.example/none?go-get=1: no"
                + " go-import meta tags ()", failure(f, "corp.example/none"));
        assertEquals("unrecognized import path \"corp.example/gone\": reading https://corp.example/gone?go-get=1: 404"
                + " Not Found", failure(f, "corp.example/gone"));
        assertEquals("unrecognized import path \"corp.example/other\": parse https://corp.example/other?go-get=1: no"
                + " go-import meta tags (meta tag other.example/x did not match import path corp.example/other)",
                failure(f, "corp.example/other"));
        assertEquals("unrecognized import path \"corp.example/multi\": parse //corp.example/multi?go-get=1: multiple"
                + " meta tags match import path \"corp.example/multi\"", failure(f, "corp.example/multi"));
        assertEquals("unrecognized import path \"corp.example/local\": https://corp.example/local?go-get=1: invalid repo"
                + " root \"file:///srv/git/local\": file scheme disallowed", failure(f, "corp.example/local"));
        assertEquals("unrecognized import path \"corp.example/cvs\": https://corp.example/cvs?go-get=1: unknown vcs"
                + " \"cvs\"", failure(f, "corp.example/cvs"));
        assertEquals("unrecognized import path \"corp.example/slash\": https://corp.example/slash?go-get=1: invalid"
                + " subdirectory \"/abs\": leading slash", failure(f, "corp.example/slash"));
        assertEquals("unrecognized import path \"nodot/x\": import path does not begin with hostname", failure(f, "nodot/x"));
    }

    @Test
    void aPageWithAnErrorStatusStillCountsWhenItHasTags() {
        assertEquals("https://git.corp.example/in404", finder().find("corp.example/in404").repo());
    }

    @Test
    void anUntrustedCertificateFailsUnlessThePathIsInsecure() throws Exception {
        RepoRootFinder strict = finder("", "", SSLContext.getDefault(), servers.route());
        String message = failure(strict, "corp.example/exact");
        assertTrue(message.startsWith("unrecognized import path \"corp.example/exact\": https fetch: Get"
                + " \"https://corp.example/exact?go-get=1\": "), message);
        RepoRootFinder insecure = finder("corp.example", "", SSLContext.getDefault(), servers.route());
        assertEquals("https://git.corp.example/exact", insecure.find("corp.example/exact").repo());
    }

    @Test
    void plainHttpIsTriedOnlyForInsecurePathsAndOnlyAfterHttpsFailed() {
        String message = failure(finder("", "", servers.trusting(), servers.routeWithoutHttps()), "corp.example/plain");
        assertTrue(message.startsWith("unrecognized import path \"corp.example/plain\": https fetch: "), message);
        assertFalse(servers.requests().contains("http /plain?go-get=1"), "no plain http without GOINSECURE");
        assertEquals("http://git.corp.example/plain",
                finder("corp.example/plain", "", servers.trusting(), servers.routeWithoutHttps()).find("corp.example/plain").repo());
        String both = failure(finder("corp.example", "", servers.trusting(), servers.routeWithoutHttps()), "corp.example/nothing");
        assertTrue(both.startsWith("unrecognized import path \"corp.example/nothing\": reading http://corp.example/nothing"),
                both);
    }

    @Test
    void govcsAppliesToDiscoveredRepositories() {
        assertEquals("GOVCS disallows using git for public corp.example/exact; see 'go help vcs'",
                failure(finder("", "corp.example:off", servers.trusting(), servers.route()), "corp.example/exact"));
    }
}
