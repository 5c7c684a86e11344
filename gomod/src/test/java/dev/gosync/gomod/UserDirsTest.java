package dev.gosync.gomod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirsTest {
    private static final Path HOME = Path.of("/home/u");

    @Test
    void unixFollowsTheXdgVariablesWhenAbsolute() {
        UserDirs dirs = new UserDirs(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "/st"), "Linux", HOME);
        assertEquals(Path.of("/cfg/gosync"), dirs.config());
        assertEquals(Path.of("/st/gosync"), dirs.state());
    }

    @Test
    void unixIgnoresUnsetEmptyAndRelativeXdgVariables() {
        for (Map<String, String> env : List.of(Map.<String, String>of(),
                Map.of("XDG_CONFIG_HOME", "", "XDG_STATE_HOME", ""),
                Map.of("XDG_CONFIG_HOME", "cfg", "XDG_STATE_HOME", "st"))) {
            UserDirs dirs = new UserDirs(env, "FreeBSD", HOME);
            assertEquals(HOME.resolve(".config/gosync"), dirs.config(), env.toString());
            assertEquals(HOME.resolve(".local/state/gosync"), dirs.state(), env.toString());
        }
    }

    @Test
    void macOsKeepsBothInApplicationSupport() {
        UserDirs dirs = new UserDirs(Map.of("XDG_CONFIG_HOME", "/cfg"), "Mac OS X", HOME);
        assertEquals(HOME.resolve("Library/Application Support/gosync"), dirs.config());
        assertEquals(HOME.resolve("Library/Application Support/gosync"), dirs.state());
    }

    @Test
    void windowsRoamsConfigurationAndKeepsStateLocal() {
        UserDirs set = new UserDirs(Map.of("APPDATA", "/roaming", "LOCALAPPDATA", "/local"), "Windows 11", HOME);
        assertEquals(Path.of("/roaming/gosync"), set.config());
        assertEquals(Path.of("/local/gosync"), set.state());
        UserDirs unset = new UserDirs(Map.of(), "Windows 11", HOME);
        assertEquals(HOME.resolve("AppData/Roaming/gosync"), unset.config());
        assertEquals(HOME.resolve("AppData/Local/gosync"), unset.state());
    }

    @Test
    void theCacheIsWhereEachSystemKeepsDeletableFiles() {
        assertEquals(Path.of("/c/gosync"), new UserDirs(Map.of("XDG_CACHE_HOME", "/c"), "Linux", HOME).cache());
        assertEquals(HOME.resolve(".cache/gosync"), new UserDirs(Map.of("XDG_CACHE_HOME", "c"), "Linux", HOME).cache());
        assertEquals(HOME.resolve("Library/Caches/gosync"), new UserDirs(Map.of(), "Mac OS X", HOME).cache());
        assertEquals(Path.of("/local/gosync/cache"),
                new UserDirs(Map.of("LOCALAPPDATA", "/local"), "Windows 11", HOME).cache());
        assertEquals(HOME.resolve("AppData/Local/gosync/cache"), new UserDirs(Map.of(), "Windows 11", HOME).cache());
    }
}
