package dev.gosync.serve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.checksum.ChecksumVerifier;
import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.agent.export.ExportInput;
import dev.gosync.agent.export.ExportListener;
import dev.gosync.agent.export.ExportRequest;
import dev.gosync.agent.export.ExportResult;
import dev.gosync.agent.export.ExportSettings;
import dev.gosync.agent.export.Exporter;
import dev.gosync.agent.proxy.ProxyClientSettings;
import dev.gosync.agent.direct.DirectMode;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.GoToolchain;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.serve.importer.ImportException;
import dev.gosync.serve.importer.ImportListener;
import dev.gosync.serve.importer.ImportOptions;
import dev.gosync.serve.importer.ImportResult;
import dev.gosync.serve.importer.Importer;
import dev.gosync.serve.mirror.Mirror;
import dev.gosync.serve.mirror.MirrorCheck;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of an import: the fixture project is exported by the real exporter from an upstream
 * proxy (the go command's own downloads of the fixture universe, served on 127.0.0.1) into a
 * signed bundle; {@code gosync import} puts it into a fresh mirror; then the real go command, with
 * a fresh module cache and {@code GOPROXY=file://<mirror>} as its only module source, downloads,
 * builds and verifies the project, and agrees with the upstream on versions.
 */
class ImportGoCommandTest {
    @TempDir
    static Path tmp;
    static UpstreamProxy upstream;
    static Path mirror;
    static Path trust;
    static Path bundle;
    static ExportSettings settings;
    static FixtureUniverse universe;
    static ImportResult imported;
    static ExportResult exported;

    @BeforeAll
    static void exportAndImport() {
        GoToolchain.require();
        universe = FixtureUniverse.create(tmp.resolve("universe"));
        upstream = UpstreamProxy.serve(ExportThenImport.goDownloadedUniverse(universe, tmp.resolve("direct"), tmp));
        trust = ExportThenImport.signingKeyAndTrustStore(tmp);
        settings = new ExportSettings(GoEnvironment.of(Map.of("GOPROXY", upstream.url())),
                ProxyClientSettings.defaults(), DirectMode.UNAVAILABLE, ChecksumVerifier.NONE,
                Map.of("SOURCE_DATE_EPOCH", "1714560000"), tmp, "Linux",
                Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC), "gosync test");
        bundle = tmp.resolve("fixture.tar.zst");
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

    private static GoSandbox offline(String name) {
        return GoSandbox.create(tmp.resolve(name + "-sandbox")).set("GOPROXY", mirror.toUri().toString())
                .set("GOFLAGS", "-mod=readonly -modcacherw");
    }

    private static Path project(String name) {
        return FixtureUniverse.writeProject(tmp.resolve(name + "-project"));
    }

    @Test
    void theWholeBundleIsImported() {
        assertEquals(ImportResult.Status.IMPORTED, imported.status());
        assertEquals(exported.files(), imported.files());
        assertEquals(exported.files(), imported.newFiles());
        assertEquals(List.of("release@example.com"), imported.principals());
        try (Mirror m = Mirror.open(mirror)) {
            assertTrue(MirrorCheck.run(m, p -> { }).intact());
        }
    }

    @Test
    void theNextBundleOfTheChannelFollowsAndAReplayChangesNothing() {
        // An export that continues the first bundle's channel (--since), with one more module query.
        var extra = universe.versions().get(universe.versions().size() - 1);
        Path next = tmp.resolve("next.tar.zst");
        ExportResult second = new Exporter(settings).export(ExportRequest.builder(next)
                .input(new ExportInput.Project(FixtureUniverse.writeProject(tmp.resolve("next-project"))))
                .input(new ExportInput.Query(dev.gosync.gomod.resolve.ModuleQuery.parse(extra.modulePath() + "@"
                        + extra.version())))
                .channel(new dev.gosync.agent.export.ChannelMode.Since(bundle))
                .signingKey(tmp.resolve("signing-key")).cacheDir(tmp.resolve("cache")).build(), ExportListener.NONE);
        Path chained = tmp.resolve("chained-mirror");
        try (Mirror m = Mirror.open(chained, true)) {
            Importer importer = new Importer(m, ImportOptions.of(BundleTrust.load(Optional.of(trust),
                    TrustOverrides.NONE)));
            ImportException missing = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                    () -> importer.importBundle(next, ImportListener.NONE));
            assertTrue(missing.remedy().startsWith("import bundle " + exported.bundleId().orElseThrow() + " first"),
                    missing.remedy());
            importer.importBundle(bundle, ImportListener.NONE);
            ImportResult followed = importer.importBundle(next, ImportListener.NONE);
            assertEquals(ImportResult.Status.IMPORTED, followed.status());
            assertEquals(2, followed.sequence());
            assertEquals(second.bundleId().orElseThrow(), m.index().heads().get(0).bundleId());
            assertEquals(ImportResult.Status.ALREADY_IMPORTED, importer.importBundle(bundle, ImportListener.NONE)
                    .status());
        }
    }

    @Test
    void downloadBuildAndVerifySucceedOfflineWithAFreshModuleCache() {
        Path project = project("offline");
        GoSandbox go = offline("offline");
        go.goOk(project, "mod", "download", "all");
        go.goOk(project, "build", "./...");
        assertTrue(go.goOk(project, "mod", "verify").contains("all modules verified"));
    }

    @Test
    void goListMAllAgreesWithTheUpstream() {
        GoSandbox online = GoSandbox.create(tmp.resolve("online-sandbox")).set("GOPROXY", upstream.url())
                .set("GOFLAGS", "-mod=readonly -modcacherw");
        assertEquals(online.goOk(project("online"), "list", "-m", "all"),
                offline("list").goOk(project("list"), "list", "-m", "all"));
    }

    @Test
    void everyVersionListIsTheOneTheGoCommandDerives() throws Exception {
        // The go command's download cache is itself a GOPROXY directory with lists it wrote.
        GoSandbox go = offline("lists");
        go.goOk(project("lists"), "mod", "download", "all");
        Path cache = go.downloadDir();
        int compared = 0;
        try (var lists = Files.walk(mirror)) {
            for (Path list : (Iterable<Path>) lists.filter(p -> p.endsWith("list") && p.getParent().endsWith("@v"))::iterator) {
                Path theirs = cache.resolve(mirror.relativize(list).toString());
                if (Files.exists(theirs)) {
                    assertEquals(Files.readString(theirs), Files.readString(list), list.toString());
                    compared++;
                }
            }
        }
        assertTrue(compared > 5, "compared " + compared + " lists");
    }
}
