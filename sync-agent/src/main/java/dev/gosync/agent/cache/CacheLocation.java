package dev.gosync.agent.cache;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the download cache lives when {@code --cache} does not say: the per-user cache directory
 * of each operating system, which users expect to be safe to delete.
 *
 * <ul>
 *   <li>Linux and other Unix systems: {@code $XDG_CACHE_HOME/gosync/download}, or
 *       {@code ~/.cache/gosync/download} when the variable is unset, empty or relative;
 *   <li>macOS: {@code ~/Library/Caches/gosync/download};
 *   <li>Windows: {@code %LOCALAPPDATA%\gosync\cache\download}, or under
 *       {@code ~\AppData\Local} when the variable is unset.
 * </ul>
 */
public final class CacheLocation {
    private static final String APP = "gosync";
    private static final String DIR = "download";

    private CacheLocation() {
    }

    /** The default cache directory of the running process's user. */
    public static Path defaultDir() {
        return defaultDir(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** The default cache directory for the given environment, {@code os.name} and home; touches no file. */
    public static Path defaultDir(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path root = localAppData == null || localAppData.isEmpty()
                    ? home.resolve("AppData").resolve("Local")
                    : Path.of(localAppData);
            return root.resolve(APP).resolve("cache").resolve(DIR);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Caches").resolve(APP).resolve(DIR);
        }
        String cacheHome = env.get("XDG_CACHE_HOME");
        Path configured = cacheHome == null || cacheHome.isEmpty() ? null : Path.of(cacheHome);
        Path root = configured != null && configured.isAbsolute() ? configured : home.resolve(".cache");
        return root.resolve(APP).resolve(DIR);
    }
}
