package dev.gosync.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.cache.CachedFile;
import dev.gosync.gomod.resolve.ModuleQuery;
import dev.gosync.agent.state.ExportState;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundles an export writes: deterministic, incremental along a channel, split into parts, or only planned. */
class ExportBundleTest {
    private static final ModuleVersion BASIC = new ModuleVersion("github.com/gosync-fixtures/basic", "v1.1.0");
    private static final ModuleQuery RC = new ModuleQuery("github.com/gosync-fixtures/basic", "v1.2.0-rc.1");

    static UpstreamProxy upstream;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() {
        upstream = UpstreamProxy.serve(FixtureUpstream.get().dir());
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    private ExportRequest.Builder request(String bundle) {
        Path project = tmp.resolve("project");
        if (!Files.exists(project)) {
            FixtureUpstream.get().project(project);
        }
        return ExportRequest.builder(tmp.resolve(bundle)).input(new ExportInput.Project(project))
                .cacheDir(tmp.resolve("cache"));
    }

    private ExportResult export(ExportRequest request) {
        return TestExports.exporter(upstream.url(), tmp).export(request, ExportListener.NONE);
    }

    private static Set<String> paths(Manifest manifest) {
        return manifest.files().stream().map(FileRow::path).collect(Collectors.toSet());
    }

    @Test
    void twoExportsOfTheSameInputsAreByteIdentical() throws IOException {
        Path key = TestExports.writeKey(tmp.resolve("key"));
        ExportResult a = export(request("a.tar.zst").signingKey(key).build());
        ExportResult b = export(request("b.tar.zst").signingKey(key).cacheDir(tmp.resolve("other-cache")).build());
        assertEquals(-1, Files.mismatch(tmp.resolve("a.tar.zst"), tmp.resolve("b.tar.zst")));
        assertEquals(a.bundleId(), b.bundleId());
        assertEquals(TestExports.SOURCE_DATE_EPOCH, Bundles.manifest(tmp.resolve("a.tar.zst")).created().getEpochSecond());
    }

    @Test
    void theBundleDoesNotDependOnHowManyFilesAreFetchedAtOnceNorOnWhatWasCached() throws IOException {
        // The files are written while later ones are still being fetched: the timing must not show.
        export(request("one.tar.zst").jobs(1).cacheDir(tmp.resolve("cache-1")).build());
        export(request("many.tar.zst").jobs(8).cacheDir(tmp.resolve("cache-8")).build());
        export(request("warm.tar.zst").jobs(3).cacheDir(tmp.resolve("cache-1")).build());
        assertEquals(-1, Files.mismatch(tmp.resolve("one.tar.zst"), tmp.resolve("many.tar.zst")));
        assertEquals(-1, Files.mismatch(tmp.resolve("one.tar.zst"), tmp.resolve("warm.tar.zst")));
    }

    @Test
    void anIncrementalExportCarriesOnlyWhatTheChannelLacks() {
        Path state = tmp.resolve("state.db");
        ChannelMode stable = new ChannelMode.Incremental("stable", state);
        ExportResult first = export(request("1.tar.zst").channel(stable).build());
        ExportResult second = export(request("2.tar.zst").input(new ExportInput.Query(RC)).channel(stable).build());
        ExportResult full = export(request("full.tar.zst").input(new ExportInput.Query(RC)).build());

        Manifest one = Bundles.manifest(tmp.resolve("1.tar.zst"));
        Manifest two = Bundles.manifest(tmp.resolve("2.tar.zst"));
        assertEquals(1, one.sequence());
        assertNull(one.parent());
        assertEquals("stable", two.channel());
        assertEquals(2, two.sequence());
        assertEquals(first.bundleId().orElseThrow(), two.parent());
        Set<String> union = new HashSet<>(paths(one));
        union.addAll(paths(two));
        assertEquals(paths(Bundles.manifest(tmp.resolve("full.tar.zst"))), union);
        assertTrue(paths(two).stream().noneMatch(paths(one)::contains), "bundle 2 repeats a file of bundle 1");
        assertTrue(paths(two).contains("github.com/gosync-fixtures/basic/@v/v1.2.0-rc.1.zip"), paths(two).toString());
        assertEquals(one.files().size(), second.alreadyShipped());
        assertEquals(full.files(), second.files() + second.alreadyShipped());
        try (ExportState recorded = ExportState.open(state)) {
            assertEquals(List.of(first.bundleId().orElseThrow(), second.bundleId().orElseThrow()),
                    recorded.history("stable").stream().map(b -> b.id()).toList());
        }
    }

    @Test
    void sinceAPreviousBundleContinuesItsChannelWithoutState() {
        Path state = tmp.resolve("state.db");
        export(request("1.tar.zst").channel(new ChannelMode.Incremental("stable", state)).build());
        ExportResult withState = export(request("2.tar.zst").input(new ExportInput.Query(RC))
                .channel(new ChannelMode.Incremental("stable", state)).build());
        ExportResult since = export(request("since.tar.zst").input(new ExportInput.Query(RC))
                .channel(new ChannelMode.Since(tmp.resolve("1.tar.zst"))).build());
        assertEquals(withState.bundleId(), since.bundleId(), "the same chain position and files make the same bundle");
    }

    @Test
    void aSplitBundleIsWrittenInPartsThatReadBackAsOne() {
        ExportResult whole = export(request("whole.tar.zst").build());
        ExportResult split = export(request("split.tar.zst").splitSize(whole.compressedBytes() / 3 + 1).build());
        assertEquals(4, split.bundleFiles().size(), "three parts and an index: " + split.bundleFiles());
        for (Path part : split.bundleFiles()) {
            assertTrue(Files.exists(part), part.toString());
        }
        assertFalse(Files.exists(tmp.resolve("split.tar.zst")), "a split bundle exists only as parts");
        assertEquals(Bundles.manifest(tmp.resolve("whole.tar.zst")).files(),
                Bundles.manifest(tmp.resolve("split.tar.zst")).files());
        assertEquals(whole.bundleId(), split.bundleId());
    }

    @Test
    void theListenerHearsOfEveryPlannedFileOnceWhileFetching() {
        List<String> events = new ArrayList<>();
        int[] planned = new int[1];
        ExportListener listener = new ExportListener() {
            private Phase phase;

            @Override
            public void phase(Phase next) {
                phase = next;
                events.add(next.name());
            }

            @Override
            public void planned(int modules, int files, int cached) {
                planned[0] = files;
            }

            @Override
            public synchronized void ready(CachedFile file) {
                if (phase == Phase.FETCH) {
                    events.add(file.relativePath());
                }
            }
        };
        ExportResult result = TestExports.exporter(upstream.url(), tmp).export(request("b.tar.zst").build(), listener);
        assertEquals(List.of("RESOLVE", "FETCH"), events.subList(0, 2));
        assertEquals("WRITE", events.get(events.size() - 1));
        assertEquals(result.files(), planned[0]);
        assertEquals(result.files(), new HashSet<>(events.subList(2, events.size() - 1)).size());
        assertEquals(result.files(), events.size() - 3);
    }

    @Test
    void aDryRunReportsThePlanAndWritesNothing() {
        ExportResult plan = export(request("dry.tar.zst").dryRun(true).build());
        assertTrue(plan.dryRun());
        assertFalse(Files.exists(tmp.resolve("dry.tar.zst")));
        assertTrue(plan.bundleId().isEmpty());
        ModuleRow basic = plan.modules().stream().filter(r -> r.module().equals(BASIC)).findFirst().orElseThrow();
        assertEquals("selected", basic.reason());
        assertEquals(Set.of(LayoutPath.Kind.INFO, LayoutPath.Kind.MOD, LayoutPath.Kind.ZIP), basic.files());
        assertEquals(2, basic.downloads(), "the .mod was read to resolve; .info and .zip are still to fetch");
        assertFalse(Files.exists(tmp.resolve("cache").resolve("github.com/gosync-fixtures/basic/@v/v1.1.0.zip")));
        assertTrue(plan.modules().stream().anyMatch(r -> r.reason().equals("go.mod only")),
                "versions whose go.mod the graph reads are planned too");
    }
}
