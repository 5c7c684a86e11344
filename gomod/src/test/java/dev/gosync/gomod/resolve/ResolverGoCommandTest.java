package dev.gosync.gomod.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.module.ModuleVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One module-graph rule per test, each held to the real go command by {@link Differential}
 * (build list, go.mod files read, files fetched), plus what the rule means for gosync's own result.
 */
class ResolverGoCommandTest {
    private static final String MAIN = "example.com/main";

    @TempDir
    static Path tmp;
    static Differential differential;

    @BeforeAll
    static void start() {
        differential = Differential.overFiles(tmp);
    }

    @AfterAll
    static void stop() {
        differential.close();
    }

    private static GraphScenario.Builder scenario(String name) {
        return GraphScenario.named(name);
    }

    private static String[] mainGoMod(String... lines) {
        String[] all = new String[lines.length + 1];
        all[0] = "module " + MAIN;
        System.arraycopy(lines, 0, all, 1, lines.length);
        return all;
    }

    private static ModuleVersion mv(String path, String version) {
        return new ModuleVersion(path, version);
    }

    @Test
    void requirementsOfAVersionThatIsNotSelectedStillCount() {
        Resolution r = differential.assertSameAsGo(scenario("unselected requirer")
                .module("example.com/d@v1.0.0", "go 1.16", "require (", "example.com/e v1.0.0", "example.com/g v1.0.0", ")")
                .module("example.com/g@v1.0.0", "go 1.16", "require example.com/e v1.1.0")
                .module("example.com/e@v1.0.0", "go 1.16", "require example.com/f v1.0.0")
                .module("example.com/e@v1.1.0", "go 1.16")
                .module("example.com/f@v1.0.0", "go 1.16")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/d v1.0.0"))
                .build());
        assertTrue(r.listAll().contains("example.com/f v1.0.0"), r.listAll()::toString);
        assertTrue(r.plan().entries().contains(new Plan.Entry(mv("example.com/e", "v1.0.0"), Plan.Reason.GO_MOD,
                mv("example.com/d", "v1.0.0"), Optional.empty())), r.plan().describe()::toString);
    }

    @Test
    void aPrunedGraphLeavesTheGoModOfRequirementsOfRequirementsUnread() {
        Resolution r = differential.assertSameAsGo(scenario("pruned")
                .module("example.com/a@v1.0.0", "go 1.21", "require example.com/b v1.0.0")
                .module("example.com/b@v1.0.0", "go 1.21", "require example.com/c v1.0.0")
                .module("example.com/c@v1.0.0", "go 1.21")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0"))
                .build());
        assertEquals(List.of(MAIN, "example.com/a v1.0.0", "example.com/b v1.0.0"), r.listAll());
        assertEquals(List.of(mv("example.com/a", "v1.0.0")), List.copyOf(r.goModsFetched()));
    }

    @Test
    void belowAModuleWithoutPruningEveryGoModIsRead() {
        Resolution r = differential.assertSameAsGo(scenario("go 1.16 chain")
                .module("example.com/a@v1.0.0", "go 1.16", "require example.com/b v1.0.0")
                .module("example.com/b@v1.0.0", "go 1.21", "require example.com/c v1.0.0")
                .module("example.com/c@v1.0.0", "go 1.21", "require example.com/d v1.0.0")
                .module("example.com/d@v1.0.0", "go 1.21")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0"))
                .build());
        assertEquals(4, r.goModsFetched().size(), r.goModsFetched()::toString);
    }

    @Test
    void aMainModuleWithoutAGoLineIsNotPruned() {
        Resolution r = differential.assertSameAsGo(scenario("no go line")
                .module("example.com/a@v1.0.0", "go 1.21", "require example.com/b v1.0.0")
                .module("example.com/b@v1.0.0", "go 1.21", "require example.com/c v1.0.0")
                .module("example.com/c@v1.0.0", "go 1.21")
                .project("go.mod", mainGoMod("require example.com/a v1.0.0"))
                .build());
        assertTrue(r.listAll().contains("example.com/c v1.0.0"), r.listAll()::toString);
    }

    @Test
    void aRequirementBelowTheSelectedVersionIsRaisedAndTheGraphReadAgain() {
        Resolution r = differential.assertSameAsGo(scenario("inconsistent roots")
                .module("example.com/a@v1.0.0", "go 1.21", "require example.com/c v1.0.0")
                .module("example.com/a@v1.1.0", "go 1.21", "require example.com/d v1.0.0")
                .module("example.com/b@v1.0.0", "go 1.21", "require example.com/a v1.1.0")
                .module("example.com/c@v1.0.0", "go 1.21")
                .module("example.com/d@v1.0.0", "go 1.21")
                .project("go.mod", mainGoMod("go 1.21", "require (", "example.com/a v1.0.0", "example.com/b v1.0.0", ")"))
                .build());
        assertTrue(r.rootsUpdated());
        assertEquals(List.of(MAIN, "example.com/a v1.1.0", "example.com/b v1.0.0", "example.com/d v1.0.0"), r.listAll());
        assertTrue(r.goModsFetched().contains(mv("example.com/a", "v1.0.0")), "the first reading of the graph counts");
    }

    @Test
    void aDependencysOwnExcludeReplaceAndUnknownDirectivesAreIgnored() {
        Resolution r = differential.assertSameAsGo(scenario("lax dependency")
                .module("example.com/a@v1.0.0", "go 1.16", "toolchain go1.99.0", "godebug panicnil=1", "tool example.com/t",
                        "someday (", "new things", ")", "require example.com/b v1.0.0",
                        "exclude example.com/b v1.0.0", "replace example.com/b => example.com/c v1.0.0")
                .module("example.com/b@v1.0.0", "go 1.16")
                .module("example.com/c@v1.0.0", "go 1.16")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0"))
                .build());
        assertEquals(List.of(MAIN, "example.com/a v1.0.0", "example.com/b v1.0.0"), r.listAll());
    }

    @Test
    void anExcludedVersionDropsTheRequirementWithoutRaisingItToAnotherVersion() {
        Resolution r = differential.assertSameAsGo(scenario("exclude in a dependency")
                .module("example.com/a@v1.0.0", "go 1.21", "require example.com/b v1.1.0")
                .module("example.com/b@v1.0.0", "go 1.21")
                .module("example.com/b@v1.1.0", "go 1.21")
                .module("example.com/b@v1.2.0", "go 1.21")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0", "exclude example.com/b v1.1.0"))
                .build());
        assertEquals(List.of(MAIN, "example.com/a v1.0.0"), r.listAll());
    }

    @Test
    void anExcludedRequirementOfTheMainModuleIsDropped() {
        Resolution r = differential.assertSameAsGo(scenario("exclude in main")
                .module("example.com/a@v1.0.0", "go 1.21")
                .module("example.com/a@v1.1.0", "go 1.21")
                .module("example.com/b@v1.0.0", "go 1.21", "require example.com/a v1.0.0")
                .project("go.mod", mainGoMod("go 1.21", "require (", "example.com/a v1.1.0", "example.com/b v1.0.0", ")",
                        "exclude example.com/a v1.1.0"))
                .build());
        assertTrue(r.listAll().contains("example.com/a v1.0.0"), r.listAll()::toString);
        assertTrue(r.rootsUpdated());
    }

    @Test
    void aModuleReplacedByAnotherIsReadAndFetchedUnderTheReplacementsCoordinates() {
        Resolution r = differential.assertSameAsGo(scenario("replace by module")
                .module("example.com/a@v1.0.0", "go 1.21", "require example.com/gone v1.0.0")
                .module("example.com/fork@v1.3.0", "go 1.21", "require example.com/c v1.0.0")
                .module("example.com/c@v1.0.0", "go 1.21")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0",
                        "replace example.com/a v1.0.0 => example.com/fork v1.3.0"))
                .build());
        assertTrue(r.listAll().contains("example.com/a v1.0.0 => example.com/fork v1.3.0"), r.listAll()::toString);
        assertTrue(r.plan().files().containsKey(mv("example.com/fork", "v1.3.0")));
        assertFalse(r.plan().files().containsKey(mv("example.com/a", "v1.0.0")));
    }

    @Test
    void aReplacementMayDeclareTheReplacedPath() {
        differential.assertSameAsGo(scenario("fork declaring the old path")
                .declaring("example.com/fork@v1.0.0", "example.com/a", "go 1.21", "require example.com/c v1.0.0")
                .module("example.com/a@v1.0.0", "go 1.21")
                .module("example.com/c@v1.0.0", "go 1.21")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0",
                        "replace example.com/a => example.com/fork v1.0.0"))
                .build());
    }

    @Test
    void aReplacementOfOneVersionBeatsAReplacementOfAllVersions() {
        Resolution r = differential.assertSameAsGo(scenario("exact beats wildcard")
                .module("example.com/a@v1.0.0", "go 1.16")
                .module("example.com/a@v1.1.0", "go 1.16")
                .module("example.com/b@v1.0.0", "go 1.16", "require example.com/a v1.0.0")
                .module("example.com/x@v1.0.0", "go 1.16", "require example.com/c v1.0.0")
                .module("example.com/y@v1.0.0", "go 1.16")
                .module("example.com/c@v1.0.0", "go 1.16")
                .project("go.mod", mainGoMod("go 1.16", "require (", "example.com/a v1.1.0", "example.com/b v1.0.0", ")",
                        "replace example.com/a => example.com/x v1.0.0",
                        "replace example.com/a v1.1.0 => example.com/y v1.0.0"))
                .build());
        assertTrue(r.listAll().contains("example.com/a v1.1.0 => example.com/y v1.0.0"), r.listAll()::toString);
        assertTrue(r.goModsFetched().contains(mv("example.com/x", "v1.0.0")), "a v1.0.0 is read through the wildcard");
    }

    @Test
    void aModuleMayBeReplacedByAnotherVersionOfItself() {
        differential.assertSameAsGo(scenario("replace by own version")
                .module("example.com/a@v1.0.0", "go 1.21", "require example.com/b v1.0.0")
                .module("example.com/a@v1.2.0", "go 1.21", "require example.com/c v1.0.0")
                .module("example.com/b@v1.0.0", "go 1.21")
                .module("example.com/c@v1.0.0", "go 1.21")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0",
                        "replace example.com/a v1.0.0 => example.com/a v1.2.0"))
                .build());
    }

    @Test
    void aDirectoryReplacementIsReadFromDiskAndItsRequirementsFollowed() {
        Resolution r = differential.assertSameAsGo(scenario("replace by directory")
                .module("example.com/c@v1.0.0", "go 1.21")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0", "replace example.com/a => ./local/a"))
                .project("local/a/go.mod", "module example.com/anything", "go 1.21", "require example.com/c v1.0.0")
                .build());
        assertEquals(List.of(MAIN, "example.com/a v1.0.0 => ./local/a", "example.com/c v1.0.0"), r.listAll());
        assertEquals("./local/a", r.directoriesRead().get(0).shown());
        assertEquals(List.of(mv("example.com/c", "v1.0.0")), List.copyOf(r.plan().files().keySet()));
    }

    @Test
    void aRequirementOfTheMainModuleOnItselfIsDroppedInAPrunedGraph() {
        Resolution r = differential.assertSameAsGo(scenario("main requires itself, pruned")
                .module(MAIN + "@v1.0.0", "go 1.21", "require example.com/b v1.0.0")
                .module("example.com/b@v1.0.0", "go 1.21")
                .project("go.mod", mainGoMod("go 1.21", "require " + MAIN + " v1.0.0"))
                .build());
        assertEquals(List.of(MAIN), r.listAll());
    }

    @Test
    void anOlderVersionOfTheMainModuleIsReadInAnUnprunedGraph() {
        differential.assertSameAsGo(scenario("main requires itself, unpruned")
                .module(MAIN + "@v1.0.0", "go 1.16", "require example.com/b v1.0.0")
                .module("example.com/b@v1.0.0", "go 1.16")
                .project("go.mod", mainGoMod("go 1.16", "require " + MAIN + " v1.0.0"))
                .build());
    }

    /** Two workspace modules whose requirements meet: b's y raises a's x, which brings z and deep. */
    private static GraphScenario twoModuleWorkspace(String name) {
        return scenario(name)
                .module("example.com/x@v1.0.0", "go 1.21")
                .module("example.com/x@v1.1.0", "go 1.21", "require example.com/z v1.0.0")
                .module("example.com/y@v1.0.0", "go 1.21", "require example.com/x v1.1.0")
                .module("example.com/z@v1.0.0", "go 1.21", "require example.com/deep v1.0.0")
                .module("example.com/deep@v1.0.0", "go 1.21")
                .project("go.work", "go 1.22", "use (", "./b", "./a", ")")
                .project("a/go.mod", "module example.com/wa", "go 1.21", "require example.com/x v1.0.0")
                .project("b/go.mod", "module example.com/wb", "go 1.21", "require example.com/y v1.0.0")
                .build();
    }

    @Test
    void workspaceModulesShareOneGraphAndSelectedVersionsBringTheirRequirements() {
        Resolution r = differential.assertSameAsGo(twoModuleWorkspace("workspace"));
        assertEquals(List.of("example.com/wa", "example.com/wb"), r.mainModules());
        assertTrue(r.goModsFetched().contains(mv("example.com/z", "v1.0.0")), r.goModsFetched()::toString);
    }

    @Test
    void aModuleDirectoryInsideAWorkspaceIsResolvedWithTheWholeWorkspace() {
        Resolution r = differential.assertSameAsGoIn(twoModuleWorkspace("module inside a workspace"), "a");
        assertEquals(List.of("example.com/wa", "example.com/wb"), r.mainModules());
        assertTrue(r.listAll().contains("example.com/x v1.1.0"), r.listAll()::toString);
    }

    @Test
    void theGoWorkReplacementWinsAndDirectoriesShowRelativeToTheGoWork() {
        Resolution r = differential.assertSameAsGo(scenario("workspace replacements")
                .module("example.com/x@v1.0.0", "go 1.21")
                .module("example.com/fork@v1.0.0", "go 1.21")
                .module("example.com/y@v1.0.0", "go 1.21")
                .project("go.work", "go 1.22", "use ./a", "use ./b", "replace example.com/x => example.com/fork v1.0.0")
                .project("a/go.mod", "module example.com/wa", "go 1.21", "require example.com/x v1.0.0",
                        "replace example.com/x => ./lx")
                .project("a/lx/go.mod", "module example.com/x")
                .project("b/go.mod", "module example.com/wb", "go 1.21", "require example.com/y v1.0.0",
                        "replace example.com/y v1.0.0 => ../shared/y")
                .project("shared/y/go.mod", "module example.com/y", "go 1.21")
                .build());
        assertTrue(r.listAll().contains("example.com/x v1.0.0 => example.com/fork v1.0.0"), r.listAll()::toString);
        assertTrue(r.listAll().contains("example.com/y v1.0.0 => ./shared/y"), r.listAll()::toString);
    }

    @Test
    void workspaceModulesThatReplaceOneModuleDifferentlyAreRefused() {
        Differential.Failure f = differential.assertBothFail(scenario("conflicting workspace replacements")
                .module("example.com/x@v1.0.0", "go 1.21")
                .project("go.work", "go 1.22", "use ./a", "use ./b")
                .project("a/go.mod", "module example.com/wa", "go 1.21", "require example.com/x v1.0.0",
                        "replace example.com/x v1.0.0 => ./lx")
                .project("a/lx/go.mod", "module example.com/x")
                .project("b/go.mod", "module example.com/wb", "go 1.21", "replace example.com/x v1.0.0 => ./lx")
                .project("b/lx/go.mod", "module example.com/x")
                .build());
        assertTrue(f.goStderr().contains("conflicting replacements for example.com/x@v1.0.0"), f.goStderr());
        assertInstanceOf(MainModuleException.class, f.ours());
        assertTrue(f.ours().getMessage().startsWith("conflicting replacements for example.com/x@v1.0.0"), f.ours()::getMessage);
    }

    @Test
    void aMainGoModReplacingOneModuleTwoWaysIsRefused() {
        Differential.Failure f = differential.assertBothFail(scenario("conflicting replacements")
                .module("example.com/a@v1.0.0", "go 1.21")
                .module("example.com/x@v1.0.0", "go 1.21")
                .module("example.com/y@v1.0.0", "go 1.21")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0",
                        "replace example.com/a v1.0.0 => example.com/x v1.0.0",
                        "replace example.com/a v1.0.0 => example.com/y v1.0.0"))
                .build());
        assertTrue(f.goStderr().contains("conflicting replacements for example.com/a@v1.0.0"), f.goStderr());
        assertInstanceOf(MainModuleException.class, f.ours());
        assertTrue(f.ours().getMessage().startsWith("conflicting replacements for example.com/a@v1.0.0"), f.ours()::getMessage);
    }

    @Test
    void aReplacementDeclaringAThirdPathIsRefusedAsTheGoCommandWordsIt() {
        Differential.Failure f = differential.assertBothFail(scenario("replacement declares a third path")
                .declaring("example.com/fork@v1.0.0", "example.com/other", "go 1.21")
                .module("example.com/a@v1.0.0", "go 1.21")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0",
                        "replace example.com/a v1.0.0 => example.com/fork v1.0.0"))
                .build());
        assertInstanceOf(ModuleGraphException.class, f.ours());
        assertEquals("go: " + f.ours().getMessage() + "\n", f.goStderr());
    }

    @Test
    void aGoModMissingFromTheSourceNamesTheChainOfRequirements() {
        Differential.Failure f = differential.assertBothFail(scenario("missing go.mod")
                .module("example.com/a@v1.0.0", "go 1.16", "require example.com/b v1.0.0")
                .module("example.com/b@v1.0.0", "go 1.16", "require example.com/c v1.0.0")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0"))
                .build());
        String chain = "example.com/a@v1.0.0 requires\n\texample.com/b@v1.0.0 requires\n\texample.com/c@v1.0.0: ";
        assertTrue(f.goStderr().contains("go: " + chain), f.goStderr());
        ModuleGraphException ours = assertInstanceOf(ModuleGraphException.class, f.ours());
        assertTrue(ours.getMessage().startsWith(chain), ours::getMessage);
        assertEquals(mv("example.com/c", "v1.0.0"), ours.module());
        assertEquals(ModuleGraphException.NOT_FOUND, ours.remedy());
    }

    @Test
    void aMalformedDependencyGoModNamesTheModuleVersionAndTheLine() {
        Differential.Failure f = differential.assertBothFail(scenario("malformed go.mod")
                .module("example.com/a@v1.0.0", "go 1.21", "require example.com/b v1.0.0")
                .raw("example.com/b@v1.0.0", "module example.com/b\n\ngo 1.21\n\nrequire example.com/c\n")
                .project("go.mod", mainGoMod("go 1.16", "require example.com/a v1.0.0"))
                .build());
        assertEquals("go: " + f.ours().getMessage() + "\n", f.goStderr());
        assertTrue(f.ours().getMessage().startsWith("example.com/a@v1.0.0 requires\n\texample.com/b@v1.0.0: parsing go.mod: go.mod:5:"),
                f.ours()::getMessage);
    }

    @Test
    void aMissingReplacementDirectoryIsNamedWithTheModuleItReplaces() {
        Differential.Failure f = differential.assertBothFail(scenario("missing directory")
                .project("go.mod", mainGoMod("go 1.21", "require example.com/a v1.0.0", "replace example.com/a => ./nowhere"))
                .build());
        String prefix = "example.com/a@v1.0.0 (replaced by ./nowhere): reading ";
        assertTrue(f.goStderr().startsWith("go: " + prefix), f.goStderr());
        assertTrue(f.ours().getMessage().startsWith(prefix), f.ours()::getMessage);
    }
}
