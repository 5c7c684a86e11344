package dev.gosync.agent.state;

import java.nio.file.Path;
import java.util.Locale;
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
    private static final String APP = "gosync";
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
        String os = osName.toLowerCase(Locale.ROOT);
        Path root;
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            root = localAppData == null || localAppData.isEmpty()
                    ? home.resolve("AppData").resolve("Local")
                    : Path.of(localAppData);
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            root = home.resolve("Library").resolve("Application Support");
        } else {
            String stateHome = env.get("XDG_STATE_HOME");
            Path configured = stateHome == null || stateHome.isEmpty() ? null : Path.of(stateHome);
            root = configured != null && configured.isAbsolute()
                    ? configured
                    : home.resolve(".local").resolve("state");
        }
        return root.resolve(APP).resolve(FILE);
    }
}
