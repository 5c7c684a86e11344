package dev.gosync.gomod.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gosync.gomod.module.ModuleVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleGraphTest {
    private static final ModuleVersion MAIN = new ModuleVersion("example.com/main", "");

    private static ModuleVersion mv(String path, String version) {
        return new ModuleVersion(path, version);
    }

    @Test
    void theHighestVersionReachedIsSelectedEvenWhenItsRequirerIsNot() {
        ModuleGraph g = new ModuleGraph(List.of(MAIN));
        g.require(MAIN, List.of(mv("a", "v1.0.0"), mv("a", "v1.1.0")));
        g.require(mv("a", "v1.0.0"), List.of(mv("b", "v1.2.0")));
        g.require(mv("a", "v1.1.0"), List.of(mv("b", "v1.1.0")));
        assertEquals("v1.1.0", g.selected("a"));
        assertEquals("v1.2.0", g.selected("b"));
        assertEquals("none", g.selected("c"));
    }

    @Test
    void theMainModulesEmptyVersionBeatsEveryOtherVersion() {
        ModuleGraph g = new ModuleGraph(List.of(MAIN));
        g.require(MAIN, List.of(mv("example.com/main", "v9.0.0+incompatible")));
        assertEquals("", g.selected("example.com/main"));
        assertEquals(List.of(MAIN), g.buildList());
    }

    @Test
    void theBuildListStartsWithTheRootsAndSortsTheRestByPathBytes() {
        ModuleGraph g = new ModuleGraph(List.of(MAIN));
        g.require(MAIN, List.of(mv("example.com/a/b", "v1.0.0"), mv("example.com/a-b", "v1.0.0"),
                mv("example.com/B", "v1.0.0"), mv("example.com/a", "v0.1.0")));
        assertEquals(List.of(MAIN, mv("example.com/B", "v1.0.0"), mv("example.com/a", "v0.1.0"),
                mv("example.com/a-b", "v1.0.0"), mv("example.com/a/b", "v1.0.0")), g.buildList());
    }

    @Test
    void findPathGivesAShortestChainFromARoot() {
        ModuleGraph g = new ModuleGraph(List.of(MAIN));
        g.require(MAIN, List.of(mv("a", "v1.0.0"), mv("b", "v1.0.0")));
        g.require(mv("a", "v1.0.0"), List.of(mv("c", "v1.0.0")));
        g.require(mv("c", "v1.0.0"), List.of(mv("x", "v1.0.0")));
        g.require(mv("b", "v1.0.0"), List.of(mv("x", "v1.0.0")));
        assertEquals(List.of(MAIN, mv("b", "v1.0.0"), mv("x", "v1.0.0")), g.findPath(m -> m.path().equals("x")));
        assertEquals(List.of(), g.findPath(m -> m.path().equals("nowhere")));
    }

    @Test
    void eachNodeRemembersWhatFirstRequiredItBreadthFirst() {
        ModuleGraph g = new ModuleGraph(List.of(MAIN));
        g.require(MAIN, List.of(mv("a", "v1.0.0"), mv("b", "v1.0.0")));
        g.require(mv("a", "v1.0.0"), List.of(mv("b", "v1.0.0"), mv("c", "v1.0.0")));
        assertEquals(Map.of(MAIN, MAIN, mv("a", "v1.0.0"), MAIN, mv("b", "v1.0.0"), MAIN,
                mv("c", "v1.0.0"), mv("a", "v1.0.0")), g.firstRequirers());
    }

    @Test
    void requirementsOfAModuleNotReachedCannotBeRecorded() {
        ModuleGraph g = new ModuleGraph(List.of(MAIN));
        assertThrows(IllegalStateException.class, () -> g.require(mv("a", "v1.0.0"), List.of()));
    }
}
