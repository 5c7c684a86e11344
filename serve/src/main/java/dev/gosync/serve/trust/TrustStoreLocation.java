package dev.gosync.serve.trust;

import dev.gosync.gomod.UserDirs;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the trust store (an OpenSSH {@code allowed_signers} file) lives when {@code --trust} does
 * not say: the per-user configuration place of each operating system, since trust is
 * configuration an administrator writes by hand.
 *
 * <ul>
 *   <li>Linux and other Unix systems: {@code $XDG_CONFIG_HOME/gosync/allowed_signers}, or
 *       {@code ~/.config/gosync/allowed_signers} when the variable is unset, empty or relative
 *       (the XDG Base Directory specification says to ignore relative values);
 *   <li>macOS: {@code ~/Library/Application Support/gosync/allowed_signers};
 *   <li>Windows: {@code %APPDATA%\gosync\allowed_signers}, or
 *       {@code ~\AppData\Roaming\gosync\allowed_signers} when the variable is unset (roaming:
 *       the keys a user trusts follow the user).
 * </ul>
 */
public final class TrustStoreLocation {
    /** The file name, the same as OpenSSH's own convention for such files. */
    public static final String FILE = "allowed_signers";

    private TrustStoreLocation() {
    }

    /** The default trust store of the running process's user, from its environment. */
    public static Path defaultFile() {
        return defaultFile(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** The default trust store for the given environment, {@code os.name} and home directory. Touches no file. */
    public static Path defaultFile(Map<String, String> env, String osName, Path home) {
        return new UserDirs(env, osName, home).config().resolve(FILE);
    }
}
