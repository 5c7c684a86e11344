package dev.gosync.agent.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.discovery.RepoRoot;
import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --vcs-map} entries, the vcs-map file and where it lives. */
class VcsMapTest {
    @TempDir
    Path tmp;

    @Test
    void theLongestPrefixCoveringTheModulePathWins() {
        VcsMap map = VcsMap.of(List.of(VcsMap.parseEntry("corp.example/team=https://git.corp.example/team-all", "t"),
                VcsMap.parseEntry("corp.example/team/repo/=https://git.corp.example/repo.git", "t")));
        assertEquals(Optional.of(new RepoRoot("corp.example/team/repo", "git", "https://git.corp.example/repo.git", "", true)),
                map.find("corp.example/team/repo/sub/v2"));
        assertEquals("corp.example/team", map.find("corp.example/team/other").orElseThrow().root());
        assertEquals(Optional.empty(), map.find("corp.example/teamwork"));
    }

    @Test
    void optionsComeBeforeTheFileForTheSamePrefix() throws IOException {
        Path file = Files.writeString(tmp.resolve("vcs-map"), "# mirrors\n\ncorp.example/a = https://file.example/a\n"
                + "corp.example/b=https://file.example/b\n");
        VcsMap map = VcsMap.of(List.of(VcsMap.parseEntry("corp.example/a=https://option.example/a", "--vcs-map")))
                .before(VcsMap.readFile(file));
        assertEquals("https://option.example/a", map.find("corp.example/a").orElseThrow().repo());
        assertEquals("https://file.example/b", map.find("corp.example/b").orElseThrow().repo());
        assertEquals(List.of(), VcsMap.readFile(tmp.resolve("missing")).entries());
    }

    @Test
    void malformedEntriesNameWhereTheyAre() throws IOException {
        Path file = Files.writeString(tmp.resolve("vcs-map"), "corp.example/a=https://x\nno equals sign\n");
        GosyncException e = assertThrows(GosyncException.class, () -> VcsMap.readFile(file));
        assertTrue(e.getMessage().startsWith(file + ":2: invalid vcs mapping"), e.getMessage());
        assertThrows(GosyncException.class, () -> VcsMap.parseEntry("Bad Prefix=https://x", "--vcs-map"));
        assertThrows(GosyncException.class, () -> VcsMap.parseEntry("corp.example/a=", "--vcs-map"));
    }

    @Test
    void theFileLivesInEachSystemsUserConfigurationDirectory() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/xdg/gosync/vcs-map"), VcsMapFile.defaultFile(java.util.Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", home));
        assertEquals(home.resolve(".config/gosync/vcs-map"), VcsMapFile.defaultFile(java.util.Map.of("XDG_CONFIG_HOME", "rel"), "Linux", home));
        assertEquals(home.resolve("Library/Application Support/gosync/vcs-map"), VcsMapFile.defaultFile(java.util.Map.of(), "Mac OS X", home));
        assertEquals(Path.of("C:/Users/u/AppData/Roaming/gosync/vcs-map"),
                VcsMapFile.defaultFile(java.util.Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "Windows 11", home));
    }
}
