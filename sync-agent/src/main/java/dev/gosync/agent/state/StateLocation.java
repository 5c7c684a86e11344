package dev.gosync.agent.state;

import dev.gosync.gomod.UserDirs;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the export state lives when {@code --state} does not say: the per-user place each
 * operating system sets aside for an application's state.
 *
 * <ul>
 *   <li>Linux and other Unix systems: {@code $XDG_STATE_HOME/gosync/state.db}, or
 *       {@code ~/.local/state/gosync/state.db} when the variable is unset, empty or relative
 *       (the XDG Base Directory specification says to ignore relative values);
 *   <li>macOS: {@code ~/Library/Application Support/gosync/state.db};
 *   <li>Windows: {@code %LOCALAPPDATA%\gosync\state.db}, or {@code ~\AppData\Local\gosync\state.db}
 *       when the variable is unset. Local, not roaming: the state belongs to this machine's
 *       exports, and a roaming profile would copy it between machines.
 * </ul>
 */
public final class StateLocation {
    private static final String FILE = "state.db";

    private StateLocation() {
    }

    /** The default state file of the running process's user, from its environment. */
    public static Path defaultFile() {
        return defaultFile(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * The default state file for the given environment, operating system name (as in the
     * {@code os.name} system property) and home directory. Touches no file.
     */
    public static Path defaultFile(Map<String, String> env, String osName, Path home) {
        return new UserDirs(env, osName, home).state().resolve(FILE);
    }
}
