package dev.gosync.gomod.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.LayoutPath.Kind;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.LayoutStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the resolver promises beyond agreeing with the go command: determinism, query closures, errors. */
class ResolverTest {
    private static final String MAIN = "example.com/main";

    @TempDir
    Path tmp;

    private static ModuleVersion mv(String path, String version) {
        return new ModuleVersion(path, version);
    }

    private Resolution resolve(GraphScenario s) {
        return new Resolver(s.fetcher()).resolve(MainModules.open(s.writeProject(tmp.resolve("project"))));
    }

    @Test
    void fetchingInParallelChangesNothingInTheResult() {
        for (long seed = 1; seed <= 25; seed++) {
            GraphScenario s = RandomGraphs.generate(seed);
            Path project = s.writeProject(tmp.resolve("p" + seed));
            Resolution one = new Resolver(s.fetcher()).resolve(MainModules.open(project));
            Resolution many = new Resolver(s.fetcher()).parallelism(4).resolve(MainModules.open(project));
            assertEquals(one.listAll(), many.listAll(), s::describe);
            assertEquals(one.goModsFetched(), many.goModsFetched(), s::describe);
            assertEquals(one.plan().entries(), many.plan().entries(), s::describe);
        }
    }

    @Test
    void theGoVersionIsTheHighestHardMinimumAmongTheGoModFilesRead() {
        Resolution r = resolve(GraphScenario.named("go versions")
                .module("example.com/a@v1.0.0", "go 1.22.3", "require example.com/c v1.0.0")
                .module("example.com/b@v1.0.0", "go 1.19")
                .module("example.com/c@v1.0.0", "go 1.25")
                .project("go.mod", "module " + MAIN, "go 1.21", "require (", "example.com/a v1.0.0",
                        "example.com/b v1.0.0", ")")
                .build());
        assertTrue(r.listAll().contains("example.com/c v1.0.0"));
        assertEquals("1.22.3", r.goVersion(), "c is in the build list, but its go.mod is never read");
    }

    @Test
    void aQueriedVersionIsResolvedAsIfItWereTheMainModule() {
        ProxyDir proxy = new ProxyDir(tmp.resolve("proxy"));
        proxy.add(mv("example.com/top", "v1.0.0"), "module example.com/top\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n");
        proxy.add(mv("example.com/top", "v1.1.0"), "module example.com/top\n\ngo 1.21\n\nretract v1.1.0\n");
        proxy.add(mv("example.com/a", "v1.0.0"), "module example.com/a\n\ngo 1.21\n\nrequire example.com/b v1.0.0\n");
        proxy.add(mv("example.com/b", "v1.0.0"), "module example.com/b\n\ngo 1.21\n");
        ResolvedQuery q = new QueryResolver(LayoutStore.open(proxy.root())).resolve(ModuleQuery.parse("example.com/top@latest"));
        assertEquals(mv("example.com/top", "v1.0.0"), q.module(), "v1.1.0 retracts itself");

        Resolution r = new Resolver(proxy.fetcher()).resolve(q);
        assertEquals(List.of("example.com/top", "example.com/a v1.0.0", "example.com/b v1.0.0"), r.listAll());
        ModuleVersion asked = mv("example.com/top", "latest");
        assertTrue(r.plan().entries().contains(new Plan.Entry(mv("example.com/top", "v1.0.0"), Plan.Reason.QUERIED,
                asked, Optional.empty())));
        assertTrue(r.plan().entries().contains(new Plan.Entry(mv("example.com/top", "v1.1.0"), Plan.Reason.QUERY_GO_MOD,
                asked, Optional.empty())));
        Map<ModuleVersion, Set<Kind>> files = r.plan().files();
        assertEquals(Set.of(Kind.INFO, Kind.MOD, Kind.ZIP), files.get(mv("example.com/top", "v1.0.0")));
        assertEquals(Set.of(Kind.INFO, Kind.MOD), files.get(mv("example.com/top", "v1.1.0")));
        assertEquals(Set.of(Kind.INFO, Kind.MOD, Kind.ZIP), files.get(mv("example.com/b", "v1.0.0")));
        assertEquals(Set.of("example.com/top"), r.plan().lists());
    }

    @Test
    void aQueriedVersionWhoseGoModDeclaresAnotherPathIsRefused() {
        ProxyDir proxy = new ProxyDir(tmp.resolve("proxy"));
        proxy.add(mv("example.com/top", "v1.0.0"), "module example.com/renamed\n");
        ResolvedQuery q = new QueryResolver(LayoutStore.open(proxy.root())).resolve(ModuleQuery.parse("example.com/top@v1.0.0"));
        ModuleGraphException e = assertThrows(ModuleGraphException.class, () -> new Resolver(proxy.fetcher()).resolve(q));
        assertTrue(e.getMessage().startsWith("example.com/top@v1.0.0: parsing go.mod:\n\tmodule declares its path as: example.com/renamed"),
                e::getMessage);
        assertEquals(ModuleGraphException.WRONG_PATH, e.remedy());
    }

    @Test
    void aSourceThatFailsIsReportedWithTheChainAndTheCause() {
        GraphScenario s = GraphScenario.named("unreachable")
                .module("example.com/a@v1.0.0", "go 1.21")
                .project("go.mod", "module " + MAIN, "go 1.21", "require example.com/a v1.0.0")
                .build();
        GosyncException down = new GosyncException("proxy.example: connection refused");
        ModuleGraphException e = assertThrows(ModuleGraphException.class, () -> new Resolver(mv -> {
            throw down;
        }).resolve(MainModules.open(s.writeProject(tmp.resolve("project")))));
        assertEquals("example.com/a@v1.0.0: proxy.example: connection refused", e.getMessage());
        assertEquals(List.of(mv(MAIN, ""), mv("example.com/a", "v1.0.0")), e.chain());
        assertEquals(ModuleGraphException.FETCH_FAILED, e.remedy());
        assertEquals(down, e.getCause());
    }

    @Test
    void aDirectoryReplacementWithoutGoModNamesTheReplacement() {
        GosyncException e = assertThrows(ModuleGraphException.class, () -> resolve(GraphScenario.named("no dir")
                .project("go.mod", "module " + MAIN, "go 1.21", "require example.com/a v1.0.0",
                        "replace example.com/a => ./nowhere")
                .build()));
        assertTrue(e.getMessage().startsWith("example.com/a@v1.0.0 (replaced by ./nowhere): reading "), e::getMessage);
        assertTrue(e.getMessage().endsWith("nowhere/go.mod: no such file or directory"), e::getMessage);
        assertEquals(ModuleGraphException.BAD_DIRECTORY, e.remedy());
    }

    @Test
    void aProjectWithoutGoModIsAMainModuleError() {
        MainModuleException e = assertThrows(MainModuleException.class, () -> MainModules.open(tmp));
        assertTrue(e.getMessage().startsWith("go.mod file not found in "), e::getMessage);
    }

    @Test
    void aMainGoModWithoutModuleLineIsRefused() {
        GraphScenario s = GraphScenario.named("no module line").project("go.mod", "go 1.21").build();
        MainModuleException e = assertThrows(MainModuleException.class,
                () -> MainModules.open(s.writeProject(tmp.resolve("project"))));
        assertTrue(e.getMessage().endsWith("missing module declaration"), e::getMessage);
    }

    @Test
    void aMalformedMainGoModIsReportedWithItsLine() {
        GraphScenario s = GraphScenario.named("bad main").project("go.mod", "module " + MAIN, "bogus directive").build();
        MainModuleException e = assertThrows(MainModuleException.class,
                () -> MainModules.open(s.writeProject(tmp.resolve("project"))));
        assertTrue(e.getMessage().contains("go.mod:2: unknown directive: bogus"), e::getMessage);
    }

    @Test
    void aWorkspaceUsingOneModuleTwiceIsRefused() {
        GraphScenario s = GraphScenario.named("twice")
                .project("go.work", "go 1.22", "use ./a", "use ./b")
                .project("a/go.mod", "module example.com/same", "go 1.21")
                .project("b/go.mod", "module example.com/same", "go 1.21")
                .build();
        MainModuleException e = assertThrows(MainModuleException.class,
                () -> MainModules.open(s.writeProject(tmp.resolve("project"))));
        assertTrue(e.getMessage().startsWith("module example.com/same appears multiple times in workspace"), e::getMessage);
    }

    @Test
    void aWorkspaceModuleNeedingANewerGoThanTheGoWorkIsRefused() {
        GraphScenario s = GraphScenario.named("too old")
                .project("go.work", "go 1.21", "use ./a")
                .project("a/go.mod", "module example.com/wa", "go 1.22")
                .build();
        MainModuleException e = assertThrows(MainModuleException.class,
                () -> MainModules.open(s.writeProject(tmp.resolve("project"))));
        assertTrue(e.getMessage().contains("requires go >= 1.22, but go.work lists go 1.21"), e::getMessage);
    }

    @Test
    void aGoWorkReplacingAWorkspaceModuleAtEveryVersionIsRefused() {
        GraphScenario s = GraphScenario.named("self replaced")
                .project("go.work", "go 1.22", "use ./a", "replace example.com/wa => example.com/x v1.0.0")
                .project("a/go.mod", "module example.com/wa", "go 1.21")
                .build();
        MainModuleException e = assertThrows(MainModuleException.class,
                () -> MainModules.open(s.writeProject(tmp.resolve("project"))));
        assertTrue(e.getMessage().startsWith("workspace module example.com/wa is replaced at all versions"), e::getMessage);
    }

    @Test
    void aVersionReadOnlyForItsGoModNeedsNoZip() {
        Resolution r = resolve(GraphScenario.named("go.mod only")
                .module("example.com/a@v1.0.0", "go 1.16", "require example.com/b v1.0.0")
                .module("example.com/b@v1.0.0", "go 1.16")
                .module("example.com/b@v1.1.0", "go 1.16")
                .project("go.mod", "module " + MAIN, "go 1.21", "require (", "example.com/a v1.0.0",
                        "example.com/b v1.1.0", ")")
                .build());
        Plan.Entry b100 = r.plan().entries().stream().filter(e -> e.module().equals(mv("example.com/b", "v1.0.0")))
                .findFirst().orElseThrow();
        assertEquals(Plan.Reason.GO_MOD, b100.reason());
        assertEquals(mv("example.com/a", "v1.0.0"), b100.requiredBy());
        assertEquals(Set.of(Kind.INFO, Kind.MOD), b100.files());
        assertEquals("example.com/b v1.0.0  [go.mod only: info mod]  required by example.com/a@v1.0.0", b100.describe());
        assertFalse(r.rootsUpdated());
    }
}
