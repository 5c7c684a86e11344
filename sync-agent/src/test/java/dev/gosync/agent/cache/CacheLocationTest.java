package dev.gosync.agent.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheLocationTest {
    private static final Path HOME = Path.of("/home/dev");

    @Test
    void linuxUsesXdgCacheHome() {
        assertEquals(Path.of("/var/cache/me/gosync/download"),
                CacheLocation.defaultDir(Map.of("XDG_CACHE_HOME", "/var/cache/me"), "Linux", HOME));
    }

    @Test
    void linuxFallsBackToDotCacheWhenXdgCacheHomeIsUnsetOrRelative() {
        Path expected = Path.of("/home/dev/.cache/gosync/download");
        assertEquals(expected, CacheLocation.defaultDir(Map.of(), "Linux", HOME));
        assertEquals(expected, CacheLocation.defaultDir(Map.of("XDG_CACHE_HOME", "relative"), "Linux", HOME));
    }

    @Test
    void macOsUsesLibraryCaches() {
        assertEquals(Path.of("/home/dev/Library/Caches/gosync/download"),
                CacheLocation.defaultDir(Map.of(), "Mac OS X", HOME));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertEquals(Path.of("C:/Users/dev/AppData/Local/gosync/cache/download"),
                CacheLocation.defaultDir(Map.of("LOCALAPPDATA", "C:/Users/dev/AppData/Local"), "Windows 11", HOME));
    }
}
