package dev.gosync.agent.gitconfig;

import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * The configuration files git reads outside a repository, in git's order (later files win):
 *
 * <ol>
 *   <li>the system file: {@code GIT_CONFIG_SYSTEM}, else {@code /etc/gitconfig} (on Windows
 *       {@code %PROGRAMFILES%\Git\etc\gitconfig}); left out when {@code GIT_CONFIG_NOSYSTEM} is true;
 *   <li>the global files: {@code GIT_CONFIG_GLOBAL} alone when it is set; else
 *       {@code $XDG_CONFIG_HOME/git/config} (or {@code ~/.config/git/config}) and then
 *       {@code ~/.gitconfig}.
 * </ol>
 *
 * <p>{@code HOME} comes from the environment as git takes it, the JVM's home otherwise. Files that
 * do not exist are skipped, as git skips them; {@code include.path} is followed (JGit), while
 * {@code includeIf} is not.
 *
 * @param files the files in reading order, existing or not
 */
public record GitConfigFiles(List<Path> files) {
    public GitConfigFiles {
        files = List.copyOf(files);
    }

    /** No configuration at all. */
    public static GitConfigFiles none() {
        return new GitConfigFiles(List.of());
    }

    /**
     * The files git would read for a user with this environment.
     *
     * @param env    the process environment (HOME, XDG_CONFIG_HOME, GIT_CONFIG_* …)
     * @param home   the home directory when HOME is unset
     * @param osName the {@code os.name} of the machine
     */
    public static GitConfigFiles forUser(Map<String, String> env, Path home, String osName) {
        List<Path> files = new ArrayList<>();
        if (!isTrue(env.get("GIT_CONFIG_NOSYSTEM"))) {
            String system = env.get("GIT_CONFIG_SYSTEM");
            if (system != null) {
                files.add(Path.of(system));
            } else if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
                String programFiles = env.getOrDefault("PROGRAMFILES", "C:\\Program Files");
                files.add(Path.of(programFiles, "Git", "etc", "gitconfig"));
            } else {
                files.add(Path.of("/etc/gitconfig"));
            }
        }
        String global = env.get("GIT_CONFIG_GLOBAL");
        if (global != null) {
            files.add(Path.of(global));
        } else {
            String homeVar = env.get("HOME");
            Path userHome = homeVar != null && !homeVar.isEmpty() ? Path.of(homeVar) : home;
            String xdg = env.get("XDG_CONFIG_HOME");
            Path xdgDir = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : userHome.resolve(".config");
            files.add(xdgDir.resolve("git").resolve("config"));
            files.add(userHome.resolve(".gitconfig"));
        }
        return new GitConfigFiles(files);
    }

    /**
     * The existing files, each parsed on its own, in reading order.
     *
     * @throws GosyncException if a file cannot be read or is not valid git configuration
     */
    public List<Config> load() {
        List<Config> configs = new ArrayList<>();
        for (Path file : files) {
            if (file.toString().isEmpty() || !Files.isRegularFile(file)) {
                continue;
            }
            FileBasedConfig config = new FileBasedConfig(null, file.toFile(), FS.DETECTED);
            try {
                config.load();
            } catch (IOException | ConfigInvalidException e) {
                throw new GosyncException("cannot read the git configuration " + file + ": " + e.getMessage(),
                        "fix the file (git config --file " + file + " --list shows what git makes of it)", e);
            }
            configs.add(config);
        }
        return configs;
    }

    /** git's boolean environment values: true, yes, on or a non-zero number. */
    private static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("yes") || v.equals("on")) {
            return true;
        }
        try {
            return Long.parseLong(v) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
