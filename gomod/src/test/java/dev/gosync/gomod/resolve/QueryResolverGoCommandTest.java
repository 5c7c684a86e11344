package dev.gosync.gomod.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.LayoutPath.Kind;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.store.LayoutStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Module queries against the real go command: {@code go list -m -json path@query} outside any
 * module (or, for {@code upgrade} and {@code patch}, inside a module that requires the current
 * version, or nothing) over a proxy of modules with releases, prereleases, retractions,
 * {@code +incompatible} versions, only pseudo-versions, or a {@code /v2} path. The version chosen
 * (or the failure) must agree, and so must the go.mod files the query reads: the go command reads
 * the latest version's for retractions and the highest compatible one's to weigh {@code +incompatible}
 * versions, and {@code go list} also reads the answer's own. Finally, what
 * {@code go mod download path@latest} fetches must lie within the closure gosync plans for the query.
 */
class QueryResolverGoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GO_121 = "\ngo 1.21\n";

    @TempDir
    static Path tmp;
    static UpstreamProxy server;
    static Path proxyDir;
    static QueryResolver resolver;
    static GoModFetcher fetcher;
    static int runs;

    @BeforeAll
    static void publish() {
        ProxyDir proxy = new ProxyDir(tmp.resolve("proxy"));
        for (String v : List.of("v1.0.0", "v1.0.1", "v1.1.0", "v1.1.1", "v1.2.0-rc.1")) {
            proxy.add(mv("example.com/q/rel", v), "module example.com/q/rel\n" + GO_121);
        }
        for (String v : List.of("v1.0.0-alpha", "v1.0.0-beta")) {
            proxy.add(mv("example.com/q/pre", v), "module example.com/q/pre\n" + GO_121);
        }
        proxy.add(mv("example.com/q/retract", "v1.0.0"), "module example.com/q/retract\n" + GO_121);
        proxy.add(mv("example.com/q/retract", "v1.0.1"), "module example.com/q/retract\n" + GO_121);
        proxy.add(mv("example.com/q/retract", "v1.1.0"),
                "module example.com/q/retract\n" + GO_121 + "\n// Broken builds.\nretract [v1.0.1, v1.1.0]\n");
        proxy.add(mv("example.com/q/allretracted", "v1.0.0"), "module example.com/q/allretracted\n" + GO_121 + "\nretract v1.0.0\n");
        proxy.add(mv("example.com/q/incompat", "v1.0.0"), "module example.com/q/incompat\n\ngo 1.16\n");
        for (String v : List.of("v2.0.0+incompatible", "v3.0.0+incompatible")) {
            proxy.add(mv("example.com/q/incompat", v), "module example.com/q/incompat\n");
        }
        for (String v : List.of("v1.0.0", "v2.0.0+incompatible")) {
            proxy.add(mv("example.com/q/legacy", v), "module example.com/q/legacy\n");
        }
        for (String v : List.of("v0.0.0-20240101000000-abcdefabcdef", "v0.0.0-20240201000000-123456789abc")) {
            proxy.add(mv("example.com/q/pseudo", v), "module example.com/q/pseudo\n" + GO_121);
        }
        for (String v : List.of("v2.0.0", "v2.1.0", "v2.2.0-rc.1")) {
            proxy.add(mv("example.com/q/major/v2", v), "module example.com/q/major/v2\n" + GO_121);
        }
        proxy.add(mv("example.com/q/top", "v1.0.0"), "module example.com/q/top\n" + GO_121 + "\nrequire example.com/q/rel v1.0.0\n");
        proxyDir = proxy.root();
        fetcher = proxy.fetcher();
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = UpstreamProxy.serve(tmp);
        resolver = new QueryResolver(LayoutStore.open(proxyDir));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ModuleVersion mv(String path, String version) {
        return new ModuleVersion(path, version);
    }

    @TestFactory
    Stream<DynamicTest> queriesWithoutACurrentVersion() {
        return Stream.of(
                "rel@latest", "rel@v1", "rel@v1.1", "rel@v1.0", "rel@v1.2", "rel@v1.1.0",
                "rel@v1.1.0+meta", "rel@v9.9.9", "rel@<v1.1.0", "rel@<=v1.1.0", "rel@>v1.0.0", "rel@>=v1.1.1",
                "rel@>v1.1.1", "rel@<v1", "rel@<=v1.1", "rel@v2", "rel@>=banana",
                "pre@latest", "pre@v1", "pre@v1.0.0-alpha",
                "retract@latest", "retract@v1", "retract@v1.0.1", "retract@>=v1.0.1", "allretracted@latest",
                "incompat@latest", "incompat@v2", "incompat@v3.0.0+incompatible", "incompat@<v3.0.0", "legacy@latest",
                "pseudo@latest", "pseudo@v0.0.0-20240101000000-abcdefabcdef",
                "major/v2@latest", "major/v2@v2.2", "major/v2@>v2.1.0", "major/v2@v1",
                "nothere@latest", "nothere@v1.0.0")
                .map(q -> DynamicTest.dynamicTest(q, () -> compareOutside(ModuleQuery.parse("example.com/q/" + q))));
    }

    @TestFactory
    Stream<DynamicTest> queriesFromACurrentVersion() {
        return Stream.of(
                        "rel@upgrade none", "rel@patch none", "rel@patch v1.0.0", "rel@patch v1.1.0", "rel@upgrade v1.1.1", "rel@upgrade v1.2.0-rc.1",
                        "rel@patch v1.2.0-rc.1", "pseudo@upgrade v0.0.0-20240101000000-abcdefabcdef",
                        "incompat@upgrade v2.0.0+incompatible", "retract@upgrade v1.0.1")
                .map(c -> DynamicTest.dynamicTest(c, () -> {
                    String[] parts = c.split(" ");
                    compareInside(ModuleQuery.parse("example.com/q/" + parts[0]), parts[1]);
                }));
    }

    @Test
    void goModDownloadOfAQueryFetchesTheModuleAloneAndTheClosureHoldsEverythingItFetched() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("download"));
        GoSandbox go = GoSandbox.create(tmp.resolve("download-sandbox")).set("GOPROXY", server.url() + "/proxy");
        int before = server.requests().size();
        go.goOk(dir, "mod", "download", "-json", "example.com/q/top@latest");
        List<String> requests = server.requests().subList(before, server.requests().size()).stream()
                .map(r -> URI.create(r).getPath().substring("/proxy/".length())).sorted().toList();
        assertEquals(List.of("example.com/q/top/@v/list", "example.com/q/top/@v/v1.0.0.info",
                "example.com/q/top/@v/v1.0.0.mod", "example.com/q/top/@v/v1.0.0.zip"), requests,
                "no go.mod of the module's requirements is read");

        Plan plan = new Resolver(fetcher).resolve(resolver.resolve(ModuleQuery.parse("example.com/q/top@latest"))).plan();
        for (String request : requests) {
            LayoutPath file = ProxyLayout.parse(request);
            if (file.kind() == Kind.LIST) {
                assertTrue(plan.lists().contains(file.path()), request);
            } else {
                assertTrue(plan.files().getOrDefault(file.module(), Set.of()).contains(file.kind()), request);
            }
        }
        assertEquals(Set.of(Kind.INFO, Kind.MOD, Kind.ZIP), plan.files().get(mv("example.com/q/rel", "v1.0.0")),
                "the closure goes further: a consumer building the module needs its requirements");
    }

    private static void compareOutside(ModuleQuery query) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("outside" + ++runs));
        Answer go = goList(dir, query);
        if (go.version == null) {
            ModuleQueryException e = assertThrows(ModuleQueryException.class, () -> resolver.resolve(query),
                    () -> "the go command failed: " + go.error);
            assertFalse(e.getMessage().isEmpty());
            return;
        }
        ResolvedQuery ours = resolver.resolve(query);
        assertEquals(go.version, ours.module().version(), () -> query + ": " + ours);
        Set<ModuleVersion> expectedMods = new TreeSet<>(ModuleVersion.ORDER);
        expectedMods.addAll(ours.goModsRead());
        expectedMods.add(ours.module());
        assertEquals(go.requested(Kind.MOD), expectedMods, () -> query + ": go.mod files read");
        assertEquals(go.requests.stream().anyMatch(r -> r.kind() == Kind.LIST), ours.listRead(), () -> query + ": list read");
    }

    private static void compareInside(ModuleQuery query, String current) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("inside" + ++runs));
        String require = current.equals("none") ? "" : "\nrequire " + query.path() + " " + current + "\n";
        Files.writeString(dir.resolve("go.mod"), "module example.com/main\n\ngo 1.21\n" + require);
        Answer go = goList(dir, query);
        if (go.version == null) {
            assertThrows(ModuleQueryException.class, () -> resolver.resolve(query, current), () -> "the go command failed: " + go.error);
            return;
        }
        assertEquals(go.version, resolver.resolve(query, current).module().version(), () -> query + " from " + current);
    }

    /** The go command's answer: a version, or an error. */
    private record Answer(String version, String error, List<LayoutPath> requests) {
        Set<ModuleVersion> requested(Kind kind) {
            Set<ModuleVersion> found = new TreeSet<>(ModuleVersion.ORDER);
            requests.stream().filter(r -> r.kind() == kind).forEach(r -> found.add(r.module()));
            return found;
        }
    }

    private static Answer goList(Path dir, ModuleQuery query) {
        GoSandbox go = GoSandbox.create(dir.resolveSibling(dir.getFileName() + "-sandbox"))
                .set("GOPROXY", server.url() + "/proxy");
        int before = server.requests().size();
        ProcessResult result = go.go(dir, "list", "-m", "-json", query.toString());
        List<String> raw = server.requests();
        List<LayoutPath> requests = raw.subList(before, raw.size()).stream()
                .map(r -> URI.create(r).getPath().substring("/proxy/".length()))
                .filter(p -> p.endsWith(".mod") || p.endsWith("/list"))
                .map(ProxyLayout::parse).toList();
        try {
            JsonNode json = result.stdout().isBlank() ? null : JSON.readTree(result.stdout());
            if (json == null || json.has("Error")) {
                return new Answer(null, json == null ? result.stderr() : json.get("Error").toString(), requests);
            }
            assertTrue(result.succeeded(), result::describe);
            return new Answer(json.get("Version").asText(), null, requests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
