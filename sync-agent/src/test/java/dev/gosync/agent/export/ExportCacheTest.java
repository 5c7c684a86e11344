package dev.gosync.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.checksum.ChecksumMismatchException;
import dev.gosync.agent.proxy.ProxyException;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.zip.ModuleZips;
import dev.gosync.gomod.zip.ZipSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download cache in front of the upstream: files fetched once are never fetched again, by a
 * second export or by the rerun of one that failed halfway.
 */
class ExportCacheTest {
    private static final ModuleVersion BASIC = new ModuleVersion("github.com/gosync-fixtures/basic", "v1.1.0");
    private static final String BASIC_ZIP = "/" + ProxyLayout.zip(BASIC);

    @TempDir
    Path tmp;

    private ExportRequest request(String bundle) {
        return ExportRequest.builder(tmp.resolve(bundle))
                .input(new ExportInput.Project(tmp.resolve("project")))
                .cacheDir(tmp.resolve("cache"))
                .build();
    }

    /** Requests for module files, leaving out version lists, which are never cached. */
    private static List<String> fileRequests(UpstreamProxy proxy) {
        return proxy.requests().stream().filter(r -> !r.endsWith("/@v/list") && !r.endsWith("/@latest")).toList();
    }

    @Test
    void aSecondExportOfTheSameProjectFetchesNothing() {
        FixtureUpstream.get().project(tmp.resolve("project"));
        try (UpstreamProxy proxy = UpstreamProxy.serve(FixtureUpstream.get().dir())) {
            Exporter exporter = TestExports.exporter(proxy.url(), tmp);
            ExportResult first = exporter.export(request("first.tar.zst"), ExportListener.NONE);
            int requestsOfFirst = proxy.requests().size();
            ExportResult second = exporter.export(request("second.tar.zst"), ExportListener.NONE);

            assertEquals(first.files(), first.downloadedFiles(), "a cold cache downloads every file");
            assertEquals(0, second.downloadedFiles());
            assertEquals(requestsOfFirst, proxy.requests().size(), "the second export asked the upstream nothing");
            assertEquals(first.bundleId(), second.bundleId());
        }
    }

    @Test
    void aCachedZipThatNoLongerMatchesGoSumIsRefused() throws IOException {
        FixtureUpstream.get().project(tmp.resolve("project"));
        try (UpstreamProxy proxy = UpstreamProxy.serve(FixtureUpstream.get().dir())) {
            Exporter exporter = TestExports.exporter(proxy.url(), tmp);
            exporter.export(request("first.tar.zst"), ExportListener.NONE);
            Path cached = tmp.resolve("cache").resolve(ProxyLayout.zip(BASIC));
            Files.delete(cached);
            try (OutputStream out = Files.newOutputStream(cached)) {
                ModuleZips.create(BASIC, List.of(ZipSource.of("basic.go",
                        "package basic\n".getBytes(StandardCharsets.UTF_8))), out);
            }
            ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                    () -> exporter.export(request("second.tar.zst"), ExportListener.NONE));
            assertTrue(e.getMessage().contains(cached.toString()), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("second.tar.zst")));
        }
    }

    @Test
    void aCachedZipChangedInPlaceWithItsSizeAndTimeKeptIsCheckedAgainAndRefused() throws IOException {
        FixtureUpstream.get().project(tmp.resolve("project"));
        try (UpstreamProxy proxy = UpstreamProxy.serve(FixtureUpstream.get().dir())) {
            Exporter exporter = TestExports.exporter(proxy.url(), tmp);
            exporter.export(request("first.tar.zst"), ExportListener.NONE);
            Path cached = tmp.resolve("cache").resolve(ProxyLayout.zip(BASIC));
            FileTime time = Files.getLastModifiedTime(cached);
            byte[] bytes = Files.readAllBytes(cached);
            // The first byte of the first entry's compressed data: the zip keeps its layout and size.
            int data = 30 + (bytes[26] & 0xff) + ((bytes[27] & 0xff) << 8) + (bytes[28] & 0xff) + ((bytes[29] & 0xff) << 8);
            bytes[data] ^= 0x55;
            Files.write(cached, bytes);
            Files.setLastModifiedTime(cached, time);

            GosyncException e = assertThrows(GosyncException.class,
                    () -> exporter.export(request("second.tar.zst"), ExportListener.NONE));
            assertTrue(e.getMessage().contains(cached.toString()), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("second.tar.zst")));
        }
    }

    @Test
    void aCachedZipWhoseBytesMatchItsCheckRecordIsNotInflatedAgain() throws IOException {
        FixtureUpstream.get().project(tmp.resolve("project"));
        try (UpstreamProxy proxy = UpstreamProxy.serve(FixtureUpstream.get().dir())) {
            Exporter exporter = TestExports.exporter(proxy.url(), tmp);
            exporter.export(request("first.tar.zst"), ExportListener.NONE);
            Path record = tmp.resolve("cache").resolve(".checked").resolve(ProxyLayout.zip(BASIC));
            String text = Files.readString(record);
            String h1 = text.substring(text.indexOf("h1:"), text.length() - 1);
            String other = "h1:" + "A".repeat(43) + "=";
            Files.writeString(record, text.replace(h1, other));

            // The record is believed, so its h1 (not the zip's) meets go.sum: that it is refused proves the record was used.
            ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                    () -> exporter.export(request("second.tar.zst"), ExportListener.NONE));
            assertTrue(e.getMessage().contains(other), e.getMessage());

            Files.delete(record);
            ExportResult rechecked = exporter.export(request("third.tar.zst"), ExportListener.NONE);
            assertEquals(0, rechecked.downloadedFiles());
            assertEquals(text, Files.readString(record), "a full check writes the record again");
        }
    }

    /** The request paths ({@code /path/@v/file}) of the module files in the cache's GOPROXY layout. */
    private static Set<String> cachedFiles(Path cache) {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> cache.relativize(f).toString())
                    .filter(rel -> !rel.startsWith("."))
                    .map(rel -> "/" + rel)
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anInterruptedExportResumesWithTheFilesItLacked() {
        FixtureUpstream.get().project(tmp.resolve("project"));
        try (UpstreamProxy proxy = UpstreamProxy.serve(FixtureUpstream.get().dir())) {
            proxy.fail(BASIC_ZIP, new UpstreamProxy.Status(503), 3);
            Exporter exporter = TestExports.exporter(proxy.url(), tmp);
            ExportRequest request = ExportRequest.builder(tmp.resolve("out.tar.zst"))
                    .input(new ExportInput.Project(tmp.resolve("project")))
                    .cacheDir(tmp.resolve("cache"))
                    .jobs(1)
                    .build();
            assertThrows(ProxyException.class, () -> exporter.export(request, ExportListener.NONE),
                    "every one of the three attempts at the zip fails");
            int requestsBefore = fileRequests(proxy).size();
            Set<String> cached = cachedFiles(tmp.resolve("cache"));

            ExportResult resumed = exporter.export(request, ExportListener.NONE);
            List<String> after = fileRequests(proxy).subList(requestsBefore, fileRequests(proxy).size());

            assertTrue(Files.exists(tmp.resolve("out.tar.zst")));
            assertTrue(after.stream().noneMatch(r -> cached.contains(URI.create("http://x" + r).getPath())),
                    "the rerun fetched again a file the cache had: " + after + "\ncached: " + cached);
            assertTrue(after.contains(BASIC_ZIP));
            assertEquals(after.size(), resumed.downloadedFiles());
        }
    }
}
