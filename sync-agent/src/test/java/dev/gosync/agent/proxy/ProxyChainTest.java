package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.store.RevInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyChainTest {
    private static final ModuleVersion M = new ModuleVersion("example.com/m", "v1.0.0");
    private static final String INFO = "/example.com/m/@v/v1.0.0.info";

    @TempDir
    Path tmp;

    private UpstreamProxy a;
    private UpstreamProxy b;
    private ProxyDir aDir;
    private final RecordingDirect direct = new RecordingDirect();
    private final ProxyClient client = ProxyClient.create(ProxyClientSettings.defaults().withRetry(RetryPolicy.none()));

    @BeforeEach
    void start() {
        aDir = new ProxyDir(tmp.resolve("a")).module(M.path(), M.version());
        a = UpstreamProxy.serve(aDir.root());
        b = UpstreamProxy.serve(new ProxyDir(tmp.resolve("b")).module(M.path(), M.version()).root());
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    private ProxyChain chain(String goproxy) {
        return chain(goproxy, "");
    }

    private ProxyChain chain(String goproxy, String gonoproxy) {
        String list = goproxy.replace("A", a.url()).replace("B", b.url());
        return ProxyChain.create(ProxyList.parse(list), gonoproxy, client, direct);
    }

    private static UpstreamProxy.Fault fault(String name) {
        return switch (name) {
            case "drop" -> new UpstreamProxy.Drop();
            default -> new UpstreamProxy.Status(Integer.parseInt(name));
        };
    }

    @ParameterizedTest(name = "A answers {0}, then \"{1}\": fall through = {2}")
    @CsvSource({
        "404, ',', true",
        "410, ',', true",
        "500, ',', false",
        "403, ',', false",
        "drop, ',', false",
        "404, '|', true",
        "410, '|', true",
        "500, '|', true",
        "403, '|', true",
        "drop, '|', true",
    })
    void commaFallsThroughOnlyOnNotFoundAndPipeOnAnyError(String aFault, String separator, boolean fallsThrough) {
        a.fail(INFO, fault(aFault));
        ProxyChain chain = chain("A" + separator + "B");
        if (fallsThrough) {
            assertEquals("v1.0.0", chain.info(M).version());
            assertEquals(1, b.count(INFO));
        } else {
            GosyncException e = assertThrows(GosyncException.class, () -> chain.info(M));
            assertFalse(e instanceof ModuleNotFoundException, e.getMessage());
            assertTrue(e.getMessage().contains(a.url()), e.getMessage());
            assertEquals(0, b.count(INFO));
        }
        // Java's HTTP client itself sends a request once more when the connection closes before any answer.
        assertTrue(a.count(INFO) >= 1);
    }

    @Test
    void everyRequestStartsAtTheFirstEntry() throws IOException {
        a.fail(".zip", new UpstreamProxy.Status(404));
        ProxyChain chain = chain("A,B");
        chain.info(M);
        try (InputStream zip = chain.zip(M)) {
            zip.readAllBytes();
        }
        chain.info(M);
        assertEquals(2, a.count(INFO));
        assertEquals(0, b.count(INFO));
        assertEquals(1, a.count("/example.com/m/@v/v1.0.0.zip"));
        assertEquals(1, b.count("/example.com/m/@v/v1.0.0.zip"));
    }

    @Test
    void notFoundEverywhereReportsTheLastNotFound() {
        ModuleVersion missing = new ModuleVersion("example.com/missing", "v1.0.0");
        ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class, () -> chain("A,B").info(missing));
        assertTrue(e.getMessage().contains(b.url()), e.getMessage());
    }

    @Test
    void aRealErrorOutranksALaterNotFound() {
        a.fail(INFO, new UpstreamProxy.Status(500));
        b.fail(INFO, new UpstreamProxy.Status(404));
        ProxyException e = assertThrows(ProxyException.class, () -> chain("A|B").info(M));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains(a.url()), e.getMessage());
    }

    @Test
    void offIsNotFoundWithTheGoCommandsWords() {
        ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class, () -> chain("off").info(M));
        assertEquals("example.com/m@v1.0.0: module lookup disabled by GOPROXY=off", e.getMessage());
    }

    @Test
    void offEndsTheListAfterEarlierProxiesMissed() {
        ModuleVersion missing = new ModuleVersion("example.com/missing", "v1.0.0");
        ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class, () -> chain("A,off,B").info(missing));
        assertTrue(e.getMessage().endsWith("module lookup disabled by GOPROXY=off"), e.getMessage());
        assertEquals(List.of(), b.requests());
    }

    @Test
    void directIsReachedAfterNotFoundAndItsErrorWins() {
        ProxyChain chain = ProxyChain.create(ProxyList.parse(a.url() + ",direct"), "", client,
                UnavailableDirectSource.INSTANCE);
        ModuleVersion missing = new ModuleVersion("example.com/missing", "v1.0.0");
        DirectModeUnavailableException e = assertThrows(DirectModeUnavailableException.class, () -> chain.info(missing));
        assertEquals("example.com/missing@v1.0.0: direct mode (fetching from version control) is not available here",
                e.getMessage());
        assertTrue(e.remedy().contains("--proxy"), e.remedy());
    }

    @Test
    void directPlaceholderNamesTheModuleForEveryRequest() {
        ModuleSource d = UnavailableDirectSource.INSTANCE;
        assertTrue(assertThrows(DirectModeUnavailableException.class, () -> d.versions("x.test/y"))
                .getMessage().startsWith("module x.test/y: "));
        assertTrue(assertThrows(DirectModeUnavailableException.class, () -> d.zip(M))
                .getMessage().startsWith("example.com/m@v1.0.0: "));
        assertTrue(assertThrows(DirectModeUnavailableException.class, () -> d.query("x.test/y", "main"))
                .getMessage().startsWith("x.test/y@main: "));
    }

    @Test
    void gonoproxyMatchesGoDirectAndNeverReachAProxy() {
        ModuleVersion privateModule = new ModuleVersion("git.corp.example/team/lib", "v1.0.0");
        ProxyChain chain = chain("A,B", "*.corp.example");
        assertSame(direct.answer, chain.info(privateModule));
        assertEquals(List.of("info git.corp.example/team/lib@v1.0.0"), direct.calls);
        assertEquals(List.of(), a.requests());
        assertEquals(List.of(), b.requests());
    }

    @Test
    void gonoproxyRoutesDirectEvenWhenGoproxyIsOff() {
        ProxyChain chain = chain("off", "corp.example");
        assertSame(direct.answer, chain.info(new ModuleVersion("corp.example/x", "v1.0.0")));
        assertThrows(ModuleNotFoundException.class, () -> chain.info(M));
    }

    @Test
    void nonMatchingModulesIgnoreGonoproxy() {
        assertEquals("v1.0.0", chain("A", "*.corp.example").info(M).version());
        assertEquals(List.of(), direct.calls);
    }

    @Test
    void goprivateFromTheEnvironmentRoutesDirect() {
        GoEnvironment env = GoEnvironment.of(Map.of("GOPROXY", a.url(), "GOPRIVATE", "corp.example"));
        ProxyChain chain = ProxyChain.fromEnvironment(env, client, direct);
        assertSame(direct.answer, chain.info(new ModuleVersion("corp.example/x", "v1.0.0")));
        assertEquals(List.of(), a.requests());
    }

    @Test
    void chainFromEnvironmentWithoutDirectModeExplainsItself() {
        GoEnvironment env = GoEnvironment.of(Map.of("GOPROXY", "direct", "GOAUTH", "off"));
        assertThrows(DirectModeUnavailableException.class, () -> ProxyChain.fromEnvironment(env).info(M));
    }

    @Test
    void versionsComeFromTheFirstEntryThatKnowsTheModule() {
        new ProxyDir(tmp.resolve("b")).module("example.com/onlyb", "v0.1.0");
        assertEquals(List.of("v0.1.0"), chain("A,B").versions("example.com/onlyb"));
        aDir.list(M.path(), "v1.1.0");
        assertEquals(List.of("v1.0.0", "v1.1.0"), chain("A,B").versions(M.path()));
        assertEquals(0, b.count("/example.com/m/@v/list"));
    }

    @Test
    void latestFallsThroughProxiesWithoutOneAndIsEmptyWhenNoneHasIt() {
        assertEquals(Optional.empty(), chain("A,B").latest(M.path()));
        new ProxyDir(tmp.resolve("b")).latest(M.path(), "v1.0.0");
        assertEquals("v1.0.0", chain("A,B").latest(M.path()).orElseThrow().version());
        assertEquals(Optional.empty(), chain("off").latest(M.path()));
    }

    @Test
    void describeShowsTheListRedactedAndGonoproxy() {
        ProxyChain chain = ProxyChain.create(ProxyList.parse("https://u:p@one.test/x?tok=1|file:///srv/m,direct"),
                "corp.example", client, direct);
        assertEquals("https://one.test/x|file:///srv/m,direct (GONOPROXY=corp.example)", chain.describe());
    }

    /** A direct source that records what it was asked and always answers. */
    private static final class RecordingDirect implements ModuleSource {
        final List<String> calls = new ArrayList<>();
        final RevInfo answer = new RevInfo("v1.0.0", ProxyDir.TIME, null);

        @Override
        public List<String> versions(String modulePath) {
            calls.add("versions " + modulePath);
            return List.of();
        }

        @Override
        public RevInfo info(ModuleVersion version) {
            calls.add("info " + version);
            return answer;
        }

        @Override
        public RevInfo query(String modulePath, String query) {
            calls.add("query " + modulePath + "@" + query);
            return answer;
        }

        @Override
        public Optional<RevInfo> latest(String modulePath) {
            calls.add("latest " + modulePath);
            return Optional.of(answer);
        }

        @Override
        public InputStream goMod(ModuleVersion version) {
            calls.add("goMod " + version);
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream zip(ModuleVersion version) {
            calls.add("zip " + version);
            return InputStream.nullInputStream();
        }

        @Override
        public String describe() {
            return "recording direct";
        }
    }
}
