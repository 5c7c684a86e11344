package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.InvalidInfoException;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.store.RevInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxySourceTest {
    private static final ModuleVersion M = new ModuleVersion("example.com/m", "v1.0.0");

    @TempDir
    Path tmp;

    private ProxyDir dir;
    private UpstreamProxy upstream;
    private final List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void start() {
        dir = new ProxyDir(tmp.resolve("proxy")).module(M.path(), M.version());
        upstream = UpstreamProxy.serve(dir.root());
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private ProxySource source(RetryPolicy retry) {
        return source(ProxyClientSettings.defaults().withRetry(retry.withSleeper(pauses::add)));
    }

    private ProxySource source(ProxyClientSettings settings) {
        return ProxyClient.create(settings).source(ProxyUrl.parse(upstream.url()));
    }

    private ProxySource source() {
        return source(RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(4)));
    }

    @Test
    void readsEveryFileOfAVersion() throws IOException {
        ProxySource source = source();
        assertEquals(List.of("v1.0.0"), source.versions(M.path()));
        assertEquals(new RevInfo("v1.0.0", ProxyDir.TIME, null), source.info(M));
        try (InputStream mod = source.goMod(M)) {
            assertEquals(ProxyDir.goMod(M.path()), new String(mod.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (InputStream zip = source.zip(M)) {
            assertArrayEquals(Files.readAllBytes(dir.root().resolve("example.com/m/@v/v1.0.0.zip")), zip.readAllBytes());
        }
    }

    @Test
    void versionListKeepsTheFirstFieldOfEachLineAsSent() {
        dir.list("example.com/l", "v1.2.0 2024-01-01T00:00:00Z", "", "  v1.0.0\t", "not-a-version", "v1.1.0\u00a0x");
        assertEquals(List.of("v1.2.0", "v1.0.0", "not-a-version", "v1.1.0"), source().versions("example.com/l"));
    }

    @Test
    void emptyListMeansKnownModuleWithoutTags() throws IOException {
        Files.createDirectories(dir.root().resolve("example.com/e/@v"));
        Files.writeString(dir.root().resolve("example.com/e/@v/list"), "");
        assertEquals(List.of(), source().versions("example.com/e"));
    }

    @Test
    void upperCaseLettersGoOutCaseEscapedWithTheBangPercentEncoded() {
        ModuleVersion upper = new ModuleVersion("github.com/Upper/x", "v1.0.0-RC1");
        dir.module(upper.path(), upper.version());
        source().info(upper);
        assertEquals(List.of("/github.com/%21upper/x/@v/v1.0.0-%21r%21c1.info"), upstream.requests());
    }

    @Test
    void plusOfIncompatibleVersionsStaysLiteralOnTheWire() {
        ModuleVersion incompatible = new ModuleVersion("example.com/old", "v2.0.0+incompatible");
        dir.module(incompatible.path(), incompatible.version());
        source().info(incompatible);
        assertEquals(List.of("/example.com/old/@v/v2.0.0+incompatible.info"), upstream.requests());
    }

    @Test
    void basePathAndTrailingSlashArePreserved() throws IOException {
        Path nested = tmp.resolve("nested");
        Files.createDirectories(nested);
        try (UpstreamProxy server = UpstreamProxy.serve(nested)) {
            new ProxyDir(nested.resolve("goproxy")).module(M.path(), M.version());
            ProxyClient client = ProxyClient.create(ProxyClientSettings.defaults().withRetry(RetryPolicy.none()));
            client.source(ProxyUrl.parse(server.url() + "/goproxy/")).info(M);
            assertEquals(List.of("/goproxy/example.com/m/@v/v1.0.0.info"), server.requests());
        }
    }

    @Test
    void status404IsNotFoundNamingModuleUrlAndServerText() {
        ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class,
                () -> source().info(new ModuleVersion("example.com/m", "v1.9.9")));
        assertEquals("example.com/m@v1.9.9: reading " + upstream.url() + "/example.com/m/@v/v1.9.9.info: 404 Not Found"
                + "\n\tserver response: not found: /example.com/m/@v/v1.9.9.info", e.getMessage());
    }

    @Test
    void status410IsNotFound() {
        upstream.fail(".info", new UpstreamProxy.Status(410));
        assertThrows(ModuleNotFoundException.class, () -> source().info(M));
    }

    @Test
    void notFoundIsNeverRetried() {
        assertThrows(ModuleNotFoundException.class, () -> source().versions("example.com/missing"));
        assertEquals(1, upstream.count("/example.com/missing/@v/list"));
        assertEquals(List.of(), pauses);
    }

    @Test
    void otherClientErrorsAreNeitherNotFoundNorRetried() {
        upstream.fail(".mod", new UpstreamProxy.Status(403));
        ProxyException e = assertThrows(ProxyException.class, () -> source().goMod(M));
        assertEquals(403, e.status());
        assertEquals(1, e.attempts());
        assertEquals(1, upstream.count("/example.com/m/@v/v1.0.0.mod"));
        assertTrue(e.getMessage().contains("403 Forbidden\n\tserver response: injected status 403"), e.getMessage());
    }

    @Test
    void serverErrorsAreRetriedWithGrowingPausesUntilSuccess() {
        upstream.fail(".info", new UpstreamProxy.Status(503), 2);
        assertEquals("v1.0.0", source().info(M).version());
        assertEquals(3, upstream.count("/example.com/m/@v/v1.0.0.info"));
        assertEquals(2, pauses.size());
        assertTrue(between(pauses.get(0), 0.5, 1.0), pauses.toString());
        assertTrue(between(pauses.get(1), 1.0, 2.0), pauses.toString());
    }

    private static boolean between(Duration d, double fromMillis, double toMillis) {
        double millis = d.toNanos() / 1e6;
        return millis >= fromMillis && millis <= toMillis;
    }

    @Test
    void retryExhaustionReportsStatusUrlAndAttempts() {
        upstream.fail(".info", new UpstreamProxy.Status(500));
        ProxyException e = assertThrows(ProxyException.class, () -> source().info(M));
        assertEquals("example.com/m@v1.0.0: reading " + upstream.url() + "/example.com/m/@v/v1.0.0.info: "
                + "500 Internal Server Error\n\tserver response: injected status 500\n\t(gave up after 3 attempts)",
                e.getMessage());
        assertEquals(500, e.status());
        assertEquals(3, e.attempts());
        assertEquals(upstream.url() + "/example.com/m/@v/v1.0.0.info", e.url());
        assertEquals(3, upstream.count("/example.com/m/@v/v1.0.0.info"));
        assertTrue(e.remedy().contains("'|'"), e.remedy());
    }

    @Test
    void droppedConnectionsAreRetried() throws IOException {
        upstream.fail(".zip", new UpstreamProxy.Drop(), 2);
        try (InputStream zip = source().zip(M)) {
            assertTrue(zip.readAllBytes().length > 0);
        }
        // Java's HTTP client may itself send once more after a drop; the pause shows gosync retried too.
        assertEquals(3, upstream.count("/example.com/m/@v/v1.0.0.zip"));
        assertFalse(pauses.isEmpty());
    }

    @Test
    void droppedConnectionWithoutRetriesIsATransportError() {
        upstream.fail(".info", new UpstreamProxy.Drop());
        ProxyException e = assertThrows(ProxyException.class, () -> source(RetryPolicy.none()).info(M));
        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("example.com/m@v1.0.0: reading " + upstream.url()), e.getMessage());
    }

    @Test
    void slowAnswerTimesOut() {
        upstream.fail(".info", new UpstreamProxy.Delay(400));
        ProxySource source = source(ProxyClientSettings.defaults().withRetry(RetryPolicy.none())
                .withReadTimeout(Duration.ofMillis(100)));
        long start = System.nanoTime();
        ProxyException e = assertThrows(ProxyException.class, () -> source.info(M));
        assertTrue(e.getMessage().endsWith(": no answer within 100 ms (read timeout)"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofMillis(390).toNanos(), "waited for the slow server");
    }

    @Test
    void timeoutIsRetriedAndTheNextAttemptCanSucceed() {
        upstream.fail(".info", new UpstreamProxy.Delay(400), 1);
        ProxySource source = source(ProxyClientSettings.defaults().withReadTimeout(Duration.ofMillis(100))
                .withRetry(RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(1))));
        assertEquals("v1.0.0", source.info(M).version());
    }

    @Test
    void answerWithinTheTimeoutIsAccepted() {
        upstream.fail(".info", new UpstreamProxy.Delay(50));
        ProxySource source = source(ProxyClientSettings.defaults().withReadTimeout(Duration.ofMillis(2000)));
        assertEquals("v1.0.0", source.info(M).version());
    }

    @Test
    void infoForAnotherVersionThanAskedIsRejected() {
        dir.write(M.path(), "v1.0.0.info", "{\"Version\":\"v1.0.1\",\"Time\":\"" + ProxyDir.TIME + "\"}");
        ProxyException e = assertThrows(ProxyException.class, () -> source().info(M));
        assertTrue(e.getMessage().endsWith("proxy returned info for version v1.0.1 instead of requested version"),
                e.getMessage());
    }

    @Test
    void malformedInfoIsRejectedNamingTheUrl() {
        dir.write(M.path(), "v1.0.0.info", "{\"Version\":");
        InvalidInfoException e = assertThrows(InvalidInfoException.class, () -> source().info(M));
        assertTrue(e.getMessage().startsWith("example.com/m@v1.0.0: reading " + upstream.url()), e.getMessage());
    }

    @Test
    void queryMayResolveToAnotherVersion() {
        dir.write(M.path(), "master.info", "{\"Version\":\"v1.0.0\",\"Time\":\"" + ProxyDir.TIME + "\"}");
        assertEquals("v1.0.0", source().query(M.path(), "master").version());
        assertEquals(List.of("/example.com/m/@v/master.info"), upstream.requests());
    }

    @Test
    void latestIsEmptyWhenTheProxyHasNone() {
        assertEquals(Optional.empty(), source().latest(M.path()));
        dir.latest(M.path(), "v1.0.0");
        assertEquals("v1.0.0", source().latest(M.path()).orElseThrow().version());
    }

    @Test
    void describeIsTheRedactedUrl() {
        ProxyClient client = ProxyClient.create(ProxyClientSettings.defaults());
        assertEquals("https://proxy.test/p", client.source(ProxyUrl.parse("https://u:secret@proxy.test/p?t=1")).describe());
    }
}
