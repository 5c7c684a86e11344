package dev.gosync.serve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.checksum.ChecksumVerifier;
import dev.gosync.agent.direct.DirectMode;
import dev.gosync.agent.direct.DirectSettings;
import dev.gosync.agent.direct.VcsMap;
import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.agent.export.ExportResult;
import dev.gosync.agent.export.ExportSettings;
import dev.gosync.agent.proxy.ProxyClientSettings;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.GoToolchain;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.fixtures.universe.ModulePaths;
import dev.gosync.gomod.module.Escaping;
import dev.gosync.serve.importer.ImportResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way for a project that mixes a module proxy and direct mode: the upstream proxy lacks
 * the monorepo and notags modules, so the exporter fetches monorepo through
 * {@code GOPROXY=<proxy>,direct} (the proxy answers 404) and notags through GONOPROXY, straight
 * from the fixture git repositories (reached through {@code url.<base>.insteadOf}); the signed
 * bundle is imported into a fresh mirror; then the real go command, with a fresh module cache and
 * {@code GOPROXY=file://<mirror>} as its only module source, builds, tests and verifies the project.
 */
class ImportMixedGoCommandTest {
    private static final List<String> DIRECT_ONLY = List.of(ModulePaths.MONOREPO, ModulePaths.NOTAGS);

    @TempDir
    static Path tmp;
    static UpstreamProxy upstream;
    static Path mirror;
    static ExportResult exported;
    static ImportResult imported;

    @BeforeAll
    static void exportMixedAndImport() throws IOException {
        GoToolchain.require();
        FixtureUniverse universe = FixtureUniverse.create(tmp.resolve("universe"));
        Path downloaded = ExportThenImport.goDownloadedUniverse(universe, tmp.resolve("fetcher"), tmp);
        upstream = UpstreamProxy.serve(copyWithout(downloaded, tmp.resolve("partial-upstream"), DIRECT_ONLY));

        GoSandbox gitUser = GoSandbox.create(tmp.resolve("git-user"))
                .redirectGit(FixtureUniverse.GIT_URL_PREFIX, universe.gitDir());
        Path trust = ExportThenImport.signingKeyAndTrustStore(tmp);
        ExportSettings settings = new ExportSettings(
                GoEnvironment.of(Map.of("GOPROXY", upstream.url() + ",direct", "GONOPROXY", ModulePaths.NOTAGS)),
                ProxyClientSettings.defaults(), DirectMode.UNAVAILABLE, ChecksumVerifier.NONE,
                Map.of("SOURCE_DATE_EPOCH", "1714560000",
                        "GIT_CONFIG_GLOBAL", gitUser.root().resolve("gitconfig").toString(),
                        "GIT_CONFIG_NOSYSTEM", "1", "HOME", gitUser.root().resolve("home").toString()),
                tmp, "Linux", Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC), "gosync test")
                .withDirect(DirectSettings.of(VcsMap.empty()));
        Path bundle = tmp.resolve("mixed.tar.zst");
        exported = ExportThenImport.exportFixtureProject(settings, tmp, bundle);
        mirror = tmp.resolve("mirror");
        imported = ExportThenImport.importInto(mirror, bundle, trust);
    }

    @AfterAll
    static void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void theDirectModulesCameFromGitAndAreInTheMirror() throws IOException {
        try (var mirrored = Files.list(tmp.resolve("cache").resolve(".gosync").resolve("vcs"))) {
            assertEquals(DIRECT_ONLY.size(), mirrored.filter(Files::isDirectory).count(), "one git mirror per direct module");
        }
        assertEquals(ImportResult.Status.IMPORTED, imported.status());
        assertEquals(exported.files(), imported.files());
        for (String module : List.of(ModulePaths.NOTAGS, ModulePaths.MONOREPO_SUB)) {
            assertTrue(Files.isDirectory(mirror.resolve(Escaping.escapePath(module)).resolve("@v")), module);
        }
    }

    @Test
    void theGoCommandBuildsTestsAndVerifiesOfflineFromTheImportedMirror() {
        Path project = FixtureUniverse.writeProject(tmp.resolve("build-project"));
        GoSandbox go = GoSandbox.create(tmp.resolve("build-sandbox")).set("GOPROXY", mirror.toUri().toString())
                .set("GOFLAGS", "-mod=readonly -modcacherw");
        go.goOk(project, "build", "./...");
        go.goOk(project, "test", "./...");
        go.goOk(project, "mod", "download", "all");
        assertTrue(go.goOk(project, "mod", "verify").contains("all modules verified"));
    }

    /** The GOPROXY directory {@code from} copied to {@code to}, without the modules named. */
    private static Path copyWithout(Path from, Path to, List<String> modules) throws IOException {
        List<Path> left = modules.stream().map(m -> from.resolve(Escaping.escapePath(m))).toList();
        try (var files = Files.walk(from)) {
            for (Path source : files.filter(f -> left.stream().noneMatch(f::startsWith)).toList()) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return to;
    }
}
