package dev.gosync.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.agent.checksum.ChecksumMismatchException;
import dev.gosync.agent.proxy.ProxyException;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.gosum.GoSum;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.zip.ModuleZips;
import dev.gosync.gomod.zip.ZipSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an export does when the upstream misbehaves: it falls back along the GOPROXY list as the go
 * command does, retries what may pass on a second try, refuses content that go.sum contradicts,
 * and never shows credentials. A failed export leaves no bundle behind.
 */
class ExportFailureTest {
    private static final ModuleVersion BASIC = new ModuleVersion("github.com/gosync-fixtures/basic", "v1.1.0");
    private static final String BASIC_ZIP = "/" + ProxyLayout.zip(BASIC);

    @TempDir
    Path tmp;

    private ExportRequest request() {
        return ExportRequest.builder(tmp.resolve("out.tar.zst"))
                .input(new ExportInput.Project(FixtureUpstream.get().project(tmp.resolve("project"))))
                .cacheDir(tmp.resolve("cache"))
                .build();
    }

    private ExportResult export(String goproxy) {
        return TestExports.exporter(goproxy, tmp).export(request(), ExportListener.NONE);
    }

    private void assertNoBundle() {
        assertFalse(Files.exists(tmp.resolve("out.tar.zst")), "a failed export must not leave a bundle");
        // Files go into the bundle while others are still fetched: nothing of that may remain either.
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.contains("out.tar.zst"))
                    .toList(), "a failed export must not leave a half-written bundle");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void zipThatContradictsGoSumStopsTheExportNamingModuleVersionAndBothHashes() throws IOException {
        Path tampered = FixtureUpstream.get().copy(tmp.resolve("upstream"));
        Path zip = tampered.resolve(ProxyLayout.zip(BASIC));
        try (OutputStream out = Files.newOutputStream(zip)) {
            ModuleZips.create(BASIC, List.of(
                    ZipSource.of("go.mod", ("module " + BASIC.path() + "\n").getBytes(StandardCharsets.UTF_8)),
                    ZipSource.of("basic.go", "package basic\n".getBytes(StandardCharsets.UTF_8))), out);
        }
        String expected = GoSum.read(FixtureUpstream.get().project(tmp.resolve("sums")).resolve("go.sum"))
                .zipHash(BASIC).orElseThrow();
        try (UpstreamProxy proxy = UpstreamProxy.serve(tampered)) {
            ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> export(proxy.url()));
            assertTrue(e.getMessage().contains(BASIC.path() + "@" + BASIC.version()), e.getMessage());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertTrue(e.getMessage().contains(DirHash.hashZip(zip)), e.getMessage());
            assertEquals(expected, e.expected());
        }
        assertNoBundle();
        assertFalse(Files.exists(tmp.resolve("cache").resolve(ProxyLayout.zip(BASIC))),
                "a zip that fails its check must not enter the cache");
    }

    @Test
    void notFoundFallsThroughACommaList() {
        try (UpstreamProxy empty = UpstreamProxy.serve(Files.createDirectories(tmp.resolve("empty")));
             UpstreamProxy good = UpstreamProxy.serve(FixtureUpstream.get().dir())) {
            ExportResult result = export(empty.url() + "," + good.url());
            assertTrue(result.files() > 0);
            assertTrue(empty.count(BASIC_ZIP) > 0, "the first proxy was asked first");
            assertEquals(1, good.count(BASIC_ZIP));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void serverErrorStopsACommaList() {
        try (UpstreamProxy failing = UpstreamProxy.serve(FixtureUpstream.get().dir());
             UpstreamProxy good = UpstreamProxy.serve(FixtureUpstream.get().dir())) {
            failing.fail(BASIC_ZIP, new UpstreamProxy.Status(500));
            ProxyException e = assertThrows(ProxyException.class, () -> export(failing.url() + "," + good.url()));
            assertEquals(500, e.status());
            assertTrue(e.getMessage().contains(BASIC.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(failing.url() + BASIC_ZIP), e.getMessage());
            assertEquals(0, good.count(BASIC_ZIP), "after ',' only a not-found moves on");
        }
        assertNoBundle();
    }

    @Test
    void serverErrorFallsThroughAPipeList() {
        try (UpstreamProxy failing = UpstreamProxy.serve(FixtureUpstream.get().dir());
             UpstreamProxy good = UpstreamProxy.serve(FixtureUpstream.get().dir())) {
            failing.fail(BASIC_ZIP, new UpstreamProxy.Status(500));
            ExportResult result = export(failing.url() + "|" + good.url());
            assertEquals(1, good.count(BASIC_ZIP));
            assertTrue(result.files() > 0);
        }
    }

    @Test
    void transientFailuresAreRetried() {
        try (UpstreamProxy flaky = UpstreamProxy.serve(FixtureUpstream.get().dir())) {
            flaky.fail(BASIC_ZIP, new UpstreamProxy.Status(503), 2);
            ExportResult result = export(flaky.url());
            assertEquals(3, flaky.count(BASIC_ZIP));
            assertTrue(result.files() > 0);
        }
    }

    @Test
    void exhaustedRetriesFailTheExportNamingTheAttempts() {
        try (UpstreamProxy broken = UpstreamProxy.serve(FixtureUpstream.get().dir())) {
            broken.fail(BASIC_ZIP, new UpstreamProxy.Status(503));
            ProxyException e = assertThrows(ProxyException.class, () -> export(broken.url()));
            assertEquals(3, broken.count(BASIC_ZIP), "three attempts, as the retry policy allows");
            assertEquals(3, e.attempts());
            assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
        }
        assertNoBundle();
    }

    @Test
    void credentialsInTheProxyUrlAreSentButNeverWrittenOrShown() {
        String secret = "s3cret-token";
        try (UpstreamProxy guarded = UpstreamProxy.serve(FixtureUpstream.get().dir())) {
            guarded.requireAuthorization("Basic " + Base64.getEncoder()
                    .encodeToString(("builder:" + secret).getBytes(StandardCharsets.UTF_8)));
            String goproxy = guarded.url().replace("http://", "http://builder:" + secret + "@");
            ExportSettings settings = TestExports.settings(goproxy, tmp);
            Exporter exporter = new Exporter(settings.withClient(
                    settings.client().withAuth(AuthConfig.none().allowingPlainHttpToLoopback())));

            ExportResult result = exporter.export(request(), ExportListener.NONE);
            Manifest manifest = Bundles.manifest(result.bundleFiles().get(0));
            assertEquals(List.of(guarded.url()), manifest.sources());
            assertEquals(List.of(guarded.url()), result.sources());

            guarded.fail("/@v/", new UpstreamProxy.Status(500));
            GosyncException e = assertThrows(GosyncException.class, () -> exporter.export(
                    ExportRequest.builder(tmp.resolve("second.tar.zst"))
                            .input(new ExportInput.Project(tmp.resolve("project")))
                            .cacheDir(tmp.resolve("other-cache"))
                            .build(), ExportListener.NONE));
            assertTrue(e.getMessage().contains(guarded.url()), e.getMessage());
            assertFalse(e.getMessage().contains(secret), e.getMessage());
            assertFalse(e.getMessage().contains("builder"), e.getMessage());
        }
    }
}
