package dev.gosync.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GOPROXY as the user set it: the environment variable, else the user's go env file (the one
 * {@code go env -w} writes). Never the go command's built-in default from {@code $GOROOT/go.env},
 * which names a public proxy: on the isolated side that would reach for the internet.
 */
final class UserGoproxy {
    private UserGoproxy() {
    }

    /** @param env the process environment; {@code osName} as in the {@code os.name} property */
    static Optional<String> of(Map<String, String> env, String osName) {
        String set = env.get("GOPROXY");
        if (set != null && !set.isEmpty()) {
            return Optional.of(set);
        }
        return envFile(env, osName).flatMap(UserGoproxy::readGoproxy);
    }

    /** Where the go command looks for the user's settings ({@code GOENV}, else the user config dir). */
    static Optional<Path> envFile(Map<String, String> env, String osName) {
        String goenv = env.getOrDefault("GOENV", "");
        if (goenv.equals("off")) {
            return Optional.empty();
        }
        if (!goenv.isEmpty()) {
            return Optional.of(Path.of(goenv));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        String configDir;
        if (os.startsWith("windows")) {
            configDir = env.get("AppData");
        } else if (os.startsWith("mac")) {
            configDir = env.containsKey("HOME") ? env.get("HOME") + "/Library/Application Support" : null;
        } else {
            String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
            if (!xdg.isEmpty()) {
                // The go command ignores a relative XDG_CONFIG_HOME (no user config dir at all).
                configDir = Path.of(xdg).isAbsolute() ? xdg : null;
            } else {
                configDir = env.containsKey("HOME") ? env.get("HOME") + "/.config" : null;
            }
        }
        return configDir == null || configDir.isEmpty() ? Optional.empty()
                : Optional.of(Path.of(configDir, "go", "env"));
    }

    /** The GOPROXY line of a go env file (NAME=VALUE lines, the last one wins); empty values are unset. */
    private static Optional<String> readGoproxy(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty(); // As for the go command: no readable file, no settings.
        }
        String value = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("GOPROXY=")) {
                value = line.substring("GOPROXY=".length());
            }
        }
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
