package dev.gosync.agent.direct;

import static dev.gosync.agent.discovery.DiscoveryServers.meta;
import static dev.gosync.agent.discovery.DiscoveryServers.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.discovery.DiscoveryServers;
import dev.gosync.agent.proxy.ProxyClientSettings;
import dev.gosync.agent.vcs.GitSourceException;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.fixtures.git.GitFile;
import dev.gosync.fixtures.git.GitRepoBuilder;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct mode for hosts found by discovery or mapped by the user: a go-import tag naming a
 * repository (reached through the user's {@code insteadOf}) and a subdirectory of it, a tag handing
 * the module to a module proxy ({@code mod}), a host that answers no discovery at all but is
 * mapped with {@code --vcs-map}, and a repository of another version control system.
 */
class DirectDiscoveryTest {
    private static final ZonedDateTime T = ZonedDateTime.of(2024, 6, 7, 8, 9, 10, 0, ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    static DiscoveryServers servers;
    static UpstreamProxy proxy;
    static DirectSource direct;

    @BeforeAll
    static void setUp() throws IOException {
        Path gitDir = tmp.resolve("git");
        try (GitRepoBuilder b = GitRepoBuilder.init(gitDir.resolve("big"))) {
            b.commit("c1", T, GitFile.text("README", "the big repository\n"),
                    GitFile.text("sub/dir/go.mod", "module corp.example/mods\n\ngo 1.22\n"),
                    GitFile.text("sub/dir/m.go", "package mods\n"), GitFile.text("other/o.go", "package other\n"))
                    .tag("sub/dir/v1.0.0");
        }
        try (GitRepoBuilder b = GitRepoBuilder.init(gitDir.resolve("mapped"))) {
            b.commit("c1", T, GitFile.text("go.mod", "module closed.example/team/mapped\n\ngo 1.22\n"),
                    GitFile.text("m.go", "package mapped\n")).tag("v0.3.0");
        }
        Path proxyDir = Files.createDirectories(tmp.resolve("proxy/corp.example/proxied/@v"));
        Files.writeString(proxyDir.resolve("list"), "v2.0.0+incompatible\nv1.1.0\n");
        Files.writeString(proxyDir.resolve("v1.1.0.info"), "{\"Version\":\"v1.1.0\",\"Time\":\"2024-01-01T00:00:00Z\"}");
        proxy = UpstreamProxy.serve(tmp.resolve("proxy"));
        servers = new DiscoveryServers(tmp.resolve("tls"));
        servers.https("corp.example/mods", page("<meta name=\"go-import\" content=\"corp.example/mods git"
                        + " https://git.corp.example/big sub/dir\">"))
                .https("corp.example/proxied", page(meta("corp.example/proxied", "mod", proxy.url())))
                .https("corp.example/hg", page(meta("corp.example/hg", "hg", "https://hg.corp.example/hg")));
        GoSandbox user = GoSandbox.create(tmp.resolve("user")).redirectGit("https://git.corp.example/", gitDir);
        DirectSettings settings = DirectSettings.of(VcsMap.of(List.of(VcsMap.parseEntry(
                "closed.example/team/mapped=" + gitDir.resolve("mapped").toUri(), "test")))).withConnectTo(servers.route());
        direct = SandboxDirect.open(user, tmp.resolve("direct"), settings,
                ProxyClientSettings.defaults().withSslContext(servers.trusting()));
    }

    @AfterAll
    static void tearDown() {
        for (AutoCloseable c : new AutoCloseable[] {direct, servers, proxy}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void aModuleInASubdirectoryNamedByItsGoImportTagIsServedFromThatDirectory() throws IOException {
        assertEquals(List.of("v1.0.0"), direct.versions("corp.example/mods"));
        ModuleVersion v = new ModuleVersion("corp.example/mods", "v1.0.0");
        String origin = direct.info(v).origin();
        assertTrue(origin.contains("\"URL\":\"https://git.corp.example/big\"") && origin.contains("\"Subdir\":\"sub/dir\""),
                origin);
        assertEquals(List.of("corp.example/mods@v1.0.0/go.mod", "corp.example/mods@v1.0.0/m.go"), zipNames(v));
    }

    @Test
    void aModEntryHandsTheModuleToThatProxy() {
        assertEquals(List.of("v2.0.0+incompatible", "v1.1.0"), direct.versions("corp.example/proxied"));
        assertEquals("v1.1.0", direct.info(new ModuleVersion("corp.example/proxied", "v1.1.0")).version());
    }

    @Test
    void aMappedModuleNeedsNoDiscovery() {
        assertEquals(List.of("v0.3.0"), direct.versions("closed.example/team/mapped"));
        assertFalse(servers.requests().stream().anyMatch(r -> r.contains("mapped")), servers.requests().toString());
    }

    @Test
    void aRepositoryOfAnotherVersionControlSystemIsRefusedClearly() {
        GitSourceException e = assertThrows(GitSourceException.class, () -> direct.versions("corp.example/hg"));
        assertEquals("corp.example/hg: the repository of module corp.example/hg is a Mercurial (hg) repository"
                + " (https://hg.corp.example/hg); gosync fetches only git repositories", e.getMessage());
        assertTrue(e.remedy().contains("--vcs-map corp.example/hg=<git URL>"), e.remedy());
    }

    private static List<String> zipNames(ModuleVersion v) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = direct.zip(v); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        names.sort(null);
        return names;
    }
}
