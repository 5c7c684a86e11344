package dev.gosync.agent.direct;

import dev.gosync.gomod.UserDirs;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the vcs-map file lives when {@code --vcs-map-file} does not say: the per-user
 * configuration directory of each operating system.
 *
 * <ul>
 *   <li>Linux and other Unix systems: {@code $XDG_CONFIG_HOME/gosync/vcs-map}, or
 *       {@code ~/.config/gosync/vcs-map} when the variable is unset, empty or relative;
 *   <li>macOS: {@code ~/Library/Application Support/gosync/vcs-map};
 *   <li>Windows: {@code %APPDATA%\gosync\vcs-map}, or under {@code ~\AppData\Roaming} when the
 *       variable is unset.
 * </ul>
 */
public final class VcsMapFile {
    private static final String FILE = "vcs-map";

    private VcsMapFile() {
    }

    /** The default file for the given environment, {@code os.name} and home; touches no file. */
    public static Path defaultFile(Map<String, String> env, String osName, Path home) {
        return new UserDirs(env, osName, home).config().resolve(FILE);
    }
}
