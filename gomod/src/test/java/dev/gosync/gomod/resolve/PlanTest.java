package dev.gosync.gomod.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.gomod.module.LayoutPath.Kind;
import dev.gosync.gomod.module.ModuleVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanTest {
    private static final ModuleVersion MAIN = new ModuleVersion("example.com/main", "");
    private static final ReplacementTarget FORK = new ReplacementTarget.Module(new ModuleVersion("example.com/fork", "v1.0.0"));

    private static ModuleVersion mv(String path, String version) {
        return new ModuleVersion(path, version);
    }

    @Test
    void versionsReplacedByOneModuleAreFetchedOnceWithEverythingTheyNeed() {
        Plan plan = new Plan(List.of(
                new Plan.Entry(mv("example.com/a", "v1.0.0"), Plan.Reason.GO_MOD, MAIN, Optional.of(FORK)),
                new Plan.Entry(mv("example.com/a", "v1.1.0"), Plan.Reason.SELECTED, MAIN, Optional.of(FORK))), Set.of());
        assertEquals(Map.of(mv("example.com/fork", "v1.0.0"), Set.of(Kind.INFO, Kind.MOD, Kind.ZIP)), plan.files());
    }

    @Test
    void aDirectoryReplacementNeedsNoFile() {
        Plan.Entry local = new Plan.Entry(mv("example.com/a", "v1.0.0"), Plan.Reason.SELECTED, MAIN,
                Optional.of(new ReplacementTarget.Directory("./a", Path.of("/work/a"))));
        assertEquals(Optional.empty(), local.source());
        assertEquals(Map.of(), new Plan(List.of(local), Set.of()).files());
        assertEquals("example.com/a v1.0.0 => ./a  [selected: local directory, nothing to fetch]  required by example.com/main",
                local.describe());
    }

    @Test
    void mergingKeepsEachEntryOnceAndSortsByModuleThenReason() {
        Plan.Entry b = new Plan.Entry(mv("example.com/b", "v1.0.0"), Plan.Reason.SELECTED, MAIN, Optional.empty());
        Plan.Entry a = new Plan.Entry(mv("example.com/a", "v1.0.0"), Plan.Reason.GO_MOD, MAIN, Optional.empty());
        Plan.Entry queried = new Plan.Entry(mv("example.com/a", "v1.0.0"), Plan.Reason.QUERIED,
                mv("example.com/a", "latest"), Optional.empty());
        Plan merged = Plan.merge(List.of(new Plan(List.of(b, a), Set.of()), new Plan(List.of(queried, b), Set.of("example.com/a"))));
        assertEquals(List.of(queried, a, b), merged.entries());
        assertEquals(Set.of("example.com/a"), merged.lists());
        assertEquals(List.of(
                "example.com/a v1.0.0  [queried: info mod zip]  required by example.com/a@latest",
                "example.com/a v1.0.0  [go.mod only: info mod]  required by example.com/main",
                "example.com/b v1.0.0  [selected: info mod zip]  required by example.com/main",
                "example.com/a @v/list  [read by query]"), merged.describe());
    }
}
