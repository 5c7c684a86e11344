package dev.gosync.agent.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateLocationTest {
    private static final Path HOME = Path.of("/home/alice");

    @Test
    void linuxUsesXdgStateHome() {
        assertEquals(Path.of("/var/state/alice/gosync/state.db"),
                StateLocation.defaultFile(Map.of("XDG_STATE_HOME", "/var/state/alice"), "Linux", HOME));
    }

    @Test
    void linuxFallsBackToLocalStateInHomeWithoutXdgStateHome() {
        assertEquals(HOME.resolve(".local/state/gosync/state.db"), StateLocation.defaultFile(Map.of(), "Linux", HOME));
    }

    @Test
    void emptyXdgStateHomeCountsAsUnset() {
        assertEquals(HOME.resolve(".local/state/gosync/state.db"),
                StateLocation.defaultFile(Map.of("XDG_STATE_HOME", ""), "Linux", HOME));
    }

    @Test
    void relativeXdgStateHomeIsIgnoredAsTheSpecificationSays() {
        assertEquals(HOME.resolve(".local/state/gosync/state.db"),
                StateLocation.defaultFile(Map.of("XDG_STATE_HOME", "state"), "Linux", HOME));
    }

    @Test
    void otherUnixSystemsFollowXdgToo() {
        assertEquals(Path.of("/st/gosync/state.db"),
                StateLocation.defaultFile(Map.of("XDG_STATE_HOME", "/st"), "FreeBSD", HOME));
    }

    @Test
    void macOsUsesApplicationSupportAndIgnoresXdg() {
        assertEquals(HOME.resolve("Library").resolve("Application Support").resolve("gosync").resolve("state.db"),
                StateLocation.defaultFile(Map.of("XDG_STATE_HOME", "/st"), "Mac OS X", HOME));
    }

    @Test
    void windowsUsesLocalAppData() {
        String localAppData = "C:\\Users\\alice\\AppData\\Local";
        assertEquals(Path.of(localAppData, "gosync", "state.db"),
                StateLocation.defaultFile(Map.of("LOCALAPPDATA", localAppData, "APPDATA", "C:\\roaming"),
                        "Windows 11", HOME));
    }

    @Test
    void windowsFallsBackToAppDataLocalInTheProfileWithoutLocalAppData() {
        assertEquals(HOME.resolve("AppData").resolve("Local").resolve("gosync").resolve("state.db"),
                StateLocation.defaultFile(Map.of(), "Windows Server 2022", HOME));
    }

    @Test
    void defaultForThisProcessIsAnAbsoluteStateDbInAGosyncDirectory() {
        Path file = StateLocation.defaultFile();

        assertTrue(file.isAbsolute(), file.toString());
        assertEquals(Path.of("gosync", "state.db"), file.subpath(file.getNameCount() - 2, file.getNameCount()));
    }
}
