package dev.gosync.serve.latest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of the query "latest", on version lists a mirror may hold. */
class LatestVersionTest {
    private static final String M = "example.com/m";

    private static Optional<String> latest(List<String> listed, Map<String, String> goMods) {
        return LatestVersion.choose(M, listed, v -> Optional.ofNullable(goMods.get(v)).map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<String> latest(String... listed) {
        return latest(List.of(listed), Map.of());
    }

    @Test
    void theHighestReleaseWinsOverHigherPrereleasesAndPseudoVersions() {
        assertEquals(Optional.of("v1.2.0"), latest("v1.0.0", "v1.2.0", "v1.10.0-rc.1", "v1.1.0",
                "v1.9.1-0.20240101000000-abcdefabcdef"));
    }

    @Test
    void withoutReleasesTheHighestPrereleaseWins() {
        assertEquals(Optional.of("v1.0.0-rc.2"), latest("v1.0.0-beta", "v1.0.0-rc.2", "v1.0.0-rc.1"));
    }

    @Test
    void withoutTaggedVersionsTheNewestPseudoVersionByCommitTimeWins() {
        // Semantic order would pick the v0.1.1 one; commit time picks the 2024 commit.
        assertEquals(Optional.of("v0.0.0-20240301000000-bbbbbbbbbbbb"), latest(
                "v0.0.0-20240301000000-bbbbbbbbbbbb", "v0.1.1-0.20230101000000-aaaaaaaaaaaa"));
    }

    @Test
    void nothingListedMeansNoLatest() {
        assertEquals(Optional.empty(), latest());
        assertEquals(Optional.empty(), latest("not-a-version", "v1.0"));
    }

    @Test
    void versionsRetractedByTheLatestGoModAreSkipped() {
        Map<String, String> mods = Map.of("v1.3.0", "module example.com/m\n\nretract [v1.2.0, v1.3.0] // broken\n");
        assertEquals(Optional.of("v1.1.0"), latest(List.of("v1.0.0", "v1.1.0", "v1.2.0", "v1.3.0"), mods));
    }

    @Test
    void retractionsInOlderGoModsDoNotCount() {
        Map<String, String> mods = Map.of("v1.1.0", "module example.com/m\n\nretract v1.2.0\n",
                "v1.2.0", "module example.com/m\n");
        assertEquals(Optional.of("v1.2.0"), latest(List.of("v1.1.0", "v1.2.0"), mods));
    }

    @Test
    void whenEverythingIsRetractedTheUnfilteredChoiceStands() {
        Map<String, String> mods = Map.of("v1.1.0", "module example.com/m\n\nretract [v1.0.0, v1.1.0]\n");
        assertEquals(Optional.of("v1.1.0"), latest(List.of("v1.0.0", "v1.1.0"), mods));
    }

    @Test
    void incompatibleVersionsCountOnlyWhenTheCompatibleOnesHaveNoGoMod() {
        List<String> listed = List.of("v1.0.0", "v2.0.0+incompatible");
        assertEquals(Optional.of("v1.0.0"), latest(listed, Map.of("v1.0.0", "module example.com/m\n\ngo 1.20\n")));
        assertEquals(Optional.of("v2.0.0+incompatible"), latest(listed, Map.of("v1.0.0", "module example.com/m\n")));
    }
}
