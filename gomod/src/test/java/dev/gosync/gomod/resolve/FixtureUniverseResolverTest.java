package dev.gosync.gomod.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.LayoutPath.Kind;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.store.LayoutStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture project (real git repositories fetched in direct mode: {@code /vN} majors,
 * {@code +incompatible}, a pseudo-version, a go 1.16 module, a module without a go line,
 * subdirectory modules, upper-case paths, retractions) resolved from the go.mod files the go
 * command itself downloaded, against {@code go list -m all}, against the go.mod files
 * {@code go mod graph} downloads into an empty module cache, and against the go.mod and zip files
 * {@code go mod download all} downloads.
 */
class FixtureUniverseResolverTest {
    @TempDir
    static Path tmp;
    static FixtureUniverse universe;
    static Path downloaded;
    static List<String> goListMAll;

    @BeforeAll
    static void downloadEverything() {
        universe = FixtureUniverse.create(tmp.resolve("universe"));
        GoSandbox go = universe.configure(GoSandbox.create(tmp.resolve("download")));
        go.goOk(universe.projectDir(), "mod", "download", "all");
        goListMAll = go.goOk(universe.projectDir(), "list", "-m", "all").lines().toList();
        downloaded = go.downloadDir();
    }

    private static Resolution resolveFromTheDownloadCache() {
        return new Resolver(GoModFetcher.of(LayoutStore.open(downloaded))).resolve(MainModules.open(universe.projectDir()));
    }

    @Test
    void theBuildListIsGoListMAll() {
        assertEquals(goListMAll, resolveFromTheDownloadCache().listAll());
    }

    @Test
    void theGoModFilesReadAreThoseGoModGraphDownloads() throws IOException {
        GoSandbox go = universe.configure(GoSandbox.create(tmp.resolve("graph")));
        go.goOk(universe.projectDir(), "mod", "graph");
        Set<ModuleVersion> fetched = cached(go.downloadDir(), Kind.MOD);
        Resolution ours = resolveFromTheDownloadCache();
        assertEquals(fetched, ours.goModsFetched());
        assertTrue(ours.goModsFetched().stream().anyMatch(m -> m.version().endsWith("+incompatible")), fetched::toString);
    }

    @Test
    void thePlanHoldsTheGoModAndZipFilesGoModDownloadAllFetches() throws IOException {
        Map<ModuleVersion, Set<Kind>> planned = resolveFromTheDownloadCache().plan().files();
        for (Kind kind : List.of(Kind.MOD, Kind.ZIP)) {
            Set<ModuleVersion> expected = cached(downloaded, kind);
            Set<ModuleVersion> ours = new TreeSet<>(ModuleVersion.ORDER);
            planned.forEach((m, kinds) -> {
                if (kinds.contains(kind)) {
                    ours.add(m);
                }
            });
            assertEquals(expected, ours, kind::toString);
        }
    }

    /** The versions of which the download cache holds a file of this kind. */
    private static Set<ModuleVersion> cached(Path downloadDir, Kind kind) throws IOException {
        Set<ModuleVersion> found = new TreeSet<>(ModuleVersion.ORDER);
        try (Stream<Path> files = Files.walk(downloadDir)) {
            files.filter(p -> p.toString().endsWith(kind.suffix()))
                    .map(p -> ProxyLayout.parse(downloadDir.relativize(p).toString().replace('\\', '/')))
                    .map(LayoutPath::module)
                    .forEach(found::add);
        }
        return found;
    }
}
