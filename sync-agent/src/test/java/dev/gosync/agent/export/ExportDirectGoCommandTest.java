package dev.gosync.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.direct.DirectSettings;
import dev.gosync.agent.direct.VcsMap;
import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.bundle.archive.TrustPolicy;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.fixtures.universe.ModulePaths;
import dev.gosync.gomod.gosum.GoSum;
import dev.gosync.gomod.module.Escaping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export that mixes a module proxy and direct mode, then an offline build from the bundle.
 * The upstream proxy lacks the monorepo and notags modules: monorepo reaches direct mode through
 * {@code GOPROXY=<proxy>,direct} (the proxy answers 404), notags through GONOPROXY. Direct mode
 * fetches from the fixture git repositories through {@code url.<base>.insteadOf} in a private git
 * configuration. The go command, with a fresh module cache and the unpacked bundle as its only
 * module source, then builds and tests the fixture project, and every hash matches go.sum.
 */
class ExportDirectGoCommandTest {
    private static final List<String> DIRECT_ONLY = List.of(ModulePaths.MONOREPO, ModulePaths.NOTAGS);

    @TempDir
    static Path tmp;
    static UpstreamProxy upstream;
    static Path mirror;
    static Manifest manifest;

    @BeforeAll
    static void exportThroughProxyAndDirect() throws IOException {
        FixtureUpstream fixtures = FixtureUpstream.get();
        Path partial = fixtures.copy(tmp.resolve("partial-upstream"));
        for (String module : DIRECT_ONLY) {
            FixtureUpstream.deleteTree(partial.resolve(Escaping.escapePath(module)));
        }
        upstream = UpstreamProxy.serve(partial);
        GoSandbox gitUser = GoSandbox.create(tmp.resolve("git-user"))
                .redirectGit(FixtureUniverse.GIT_URL_PREFIX, fixtures.universe().gitDir());
        Map<String, String> environment = new HashMap<>(TestExports.settings("off", tmp).environment());
        environment.putAll(Map.of("GIT_CONFIG_GLOBAL", gitUser.root().resolve("gitconfig").toString(),
                "GIT_CONFIG_NOSYSTEM", "1", "HOME", gitUser.root().resolve("home").toString()));
        ExportSettings settings = TestExports.settings("off", tmp)
                .withGoEnvironment(GoEnvironment.of(Map.of("GOPROXY", upstream.url() + ",direct",
                        "GONOPROXY", ModulePaths.NOTAGS)))
                .withEnvironment(environment)
                .withDirect(DirectSettings.of(VcsMap.empty()));
        Path bundle = tmp.resolve("mixed.tar.zst");
        ExportRequest request = ExportRequest.builder(bundle)
                .input(new ExportInput.Project(fixtures.project(tmp.resolve("project"))))
                .signingKey(TestExports.writeKey(tmp.resolve("signing-key")))
                .cacheDir(tmp.resolve("cache"))
                .build();
        new Exporter(settings).export(request, ExportListener.NONE);
        mirror = tmp.resolve("mirror");
        manifest = Bundles.unpack(bundle, TrustPolicy.integrityOnly(), mirror);
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @Test
    void exactlyTheModulesTheProxyLacksOrMayNotServeWereMirroredFromGit() throws IOException {
        List<String> mirrored;
        try (var dirs = Files.list(tmp.resolve("cache").resolve(".gosync").resolve("vcs"))) {
            mirrored = dirs.filter(Files::isDirectory).map(d -> read(d.resolve("gosync-url"))).sorted().toList();
        }
        Path git = FixtureUpstream.get().universe().gitDir();
        assertEquals(List.of(git.resolve("monorepo").toUri().toString().replaceAll("/$", ""),
                git.resolve("notags").toUri().toString().replaceAll("/$", "")), mirrored);
        assertTrue(manifest.files().stream().anyMatch(r -> r.path().startsWith(Escaping.escapePath(ModulePaths.NOTAGS))));
        assertTrue(manifest.files().stream().anyMatch(r -> r.path().startsWith(Escaping.escapePath(ModulePaths.MONOREPO_SUB))));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void buildAndTestSucceedOfflineFromTheBundle() {
        Path project = FixtureUniverse.writeProject(tmp.resolve("build-project"));
        GoSandbox go = FixtureUpstream.consumer(tmp.resolve("build-sandbox"), mirror.toUri().toString());
        go.goOk(project, "build", "./...");
        go.goOk(project, "test", "./...");
        go.goOk(project, "mod", "download", "all");
        assertTrue(go.goOk(project, "mod", "verify").contains("all modules verified"));
    }

    @Test
    void everyZipAndModRowCarriesTheHashGoSumRecords() {
        GoSum goSum = GoSum.read(FixtureUniverse.writeProject(tmp.resolve("sums")).resolve("go.sum"));
        GoSumRows.assertEveryLineHasItsRow(goSum, manifest);
    }
}
