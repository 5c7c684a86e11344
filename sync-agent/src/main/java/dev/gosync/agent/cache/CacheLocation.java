package dev.gosync.agent.cache;

import dev.gosync.gomod.UserDirs;
import java.nio.file.Path;
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
    private static final String DIR = "download";

    private CacheLocation() {
    }

    /** The default cache directory of the running process's user. */
    public static Path defaultDir() {
        return defaultDir(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** The default cache directory for the given environment, {@code os.name} and home; touches no file. */
    public static Path defaultDir(Map<String, String> env, String osName, Path home) {
        return new UserDirs(env, osName, home).cache().resolve(DIR);
    }
}
