package dev.gosync.gomod;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * gosync's per-user directories on each operating system, for files no flag names: where an
 * administrator writes configuration, where an application keeps its state, and what users expect
 * to be safe to delete.
 *
 * <table>
 *   <caption>each directory's parent</caption>
 *   <tr><th></th><th>Linux and other Unix systems</th><th>macOS</th><th>Windows</th></tr>
 *   <tr><td>{@link #config}</td><td>{@code $XDG_CONFIG_HOME}, {@code ~/.config}</td>
 *       <td>{@code ~/Library/Application Support}</td>
 *       <td>{@code %APPDATA%}, {@code ~\AppData\Roaming} (roaming: it follows the user)</td></tr>
 *   <tr><td>{@link #state}</td><td>{@code $XDG_STATE_HOME}, {@code ~/.local/state}</td>
 *       <td>{@code ~/Library/Application Support}</td>
 *       <td>{@code %LOCALAPPDATA%}, {@code ~\AppData\Local} (local: it belongs to this machine)</td></tr>
 *   <tr><td>{@link #cache}</td><td>{@code $XDG_CACHE_HOME}, {@code ~/.cache}</td>
 *       <td>{@code ~/Library/Caches}</td>
 *       <td>{@code %LOCALAPPDATA%}, {@code ~\AppData\Local}, then {@code gosync\cache}</td></tr>
 * </table>
 *
 * <p>The second place is used when the variable is unset or empty, and on Unix also when it is
 * relative (the XDG Base Directory specification says to ignore relative values). Computing a
 * directory touches no file.
 *
 * @param env the environment
 * @param osName as in the {@code os.name} system property
 * @param home the user's home directory
 */
public record UserDirs(Map<String, String> env, String osName, Path home) {
    private static final String APP = "gosync";

    /** The directories of the running process's user, from its environment. */
    public static UserDirs current() {
        return new UserDirs(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** gosync's configuration directory, e.g. {@code ~/.config/gosync}. */
    public Path config() {
        if (windows()) {
            return windowsVariable("APPDATA", home.resolve("AppData").resolve("Roaming")).resolve(APP);
        }
        if (mac()) {
            return home.resolve("Library").resolve("Application Support").resolve(APP);
        }
        return xdg("XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP);
    }

    /** gosync's state directory, e.g. {@code ~/.local/state/gosync}. */
    public Path state() {
        if (windows()) {
            return windowsVariable("LOCALAPPDATA", home.resolve("AppData").resolve("Local")).resolve(APP);
        }
        if (mac()) {
            return home.resolve("Library").resolve("Application Support").resolve(APP);
        }
        return xdg("XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve(APP);
    }

    /** gosync's cache directory, which users may delete, e.g. {@code ~/.cache/gosync}. */
    public Path cache() {
        if (windows()) {
            return windowsVariable("LOCALAPPDATA", home.resolve("AppData").resolve("Local")).resolve(APP).resolve("cache");
        }
        if (mac()) {
            return home.resolve("Library").resolve("Caches").resolve(APP);
        }
        return xdg("XDG_CACHE_HOME", home.resolve(".cache")).resolve(APP);
    }

    private boolean windows() {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private boolean mac() {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.startsWith("mac") || os.startsWith("darwin");
    }

    private Path windowsVariable(String name, Path otherwise) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? otherwise : Path.of(value);
    }

    private Path xdg(String name, Path otherwise) {
        String value = env.get(name);
        Path configured = value == null || value.isEmpty() ? null : Path.of(value);
        return configured != null && configured.isAbsolute() ? configured : otherwise;
    }
}
