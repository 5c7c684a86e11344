package dev.gosync.gomod.resolve;

import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.ModuleNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A module universe and a project using it, as text: the go.mod of every published module
 * version, and the project's files (its go.mod, or a go.work and its modules' go.mod files, plus
 * the go.mod files of local replacement directories).
 *
 * @param modules      published module versions and their go.mod text
 * @param projectFiles slash-separated paths relative to the project directory, and contents
 */
record GraphScenario(String name, Map<ModuleVersion, String> modules, Map<String, String> projectFiles) {
    GraphScenario {
        modules = Map.copyOf(modules);
        projectFiles = Map.copyOf(projectFiles);
    }

    static Builder named(String name) {
        return new Builder(name);
    }

    /** Writes scenarios by hand: each module's go.mod and each project file as lines. */
    static final class Builder {
        private final String name;
        private final Map<ModuleVersion, String> modules = new LinkedHashMap<>();
        private final Map<String, String> projectFiles = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Publishes {@code path@version} with a go.mod declaring its own path, followed by these lines. */
        Builder module(String pathAtVersion, String... lines) {
            String path = pathAtVersion.substring(0, pathAtVersion.indexOf('@'));
            return publish(pathAtVersion, "module " + path, lines);
        }

        /** Publishes {@code path@version} with a go.mod declaring another path (a fork, a renamed module). */
        Builder declaring(String pathAtVersion, String declared, String... lines) {
            return publish(pathAtVersion, "module " + declared, lines);
        }

        /** Publishes {@code path@version} with exactly this go.mod. */
        Builder raw(String pathAtVersion, String goMod) {
            int at = pathAtVersion.indexOf('@');
            modules.put(new ModuleVersion(pathAtVersion.substring(0, at), pathAtVersion.substring(at + 1)), goMod);
            return this;
        }

        private Builder publish(String pathAtVersion, String moduleLine, String... lines) {
            return raw(pathAtVersion, moduleLine + "\n" + lines(lines));
        }

        /** A project file (go.mod, go.work, a module's or a replacement directory's go.mod). */
        Builder project(String file, String... lines) {
            projectFiles.put(file, lines(lines));
            return this;
        }

        private static String lines(String... lines) {
            return lines.length == 0 ? "" : String.join("\n", lines) + "\n";
        }

        GraphScenario build() {
            return new GraphScenario(name, modules, projectFiles);
        }
    }

    boolean workspace() {
        return projectFiles.containsKey("go.work");
    }

    /** Serves the modules' go.mod files from memory. */
    GoModFetcher fetcher() {
        return mv -> {
            String goMod = modules.get(mv);
            if (goMod == null) {
                throw new ModuleNotFoundException(mv + ": not published");
            }
            return goMod.getBytes(StandardCharsets.UTF_8);
        };
    }

    void publish(ProxyDir proxy) {
        modules.forEach(proxy::add);
    }

    /** Writes (or rewrites, undoing any change the go command made) the project files into dir. */
    Path writeProject(Path dir) {
        try {
            for (Map.Entry<String, String> f : projectFiles.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
            try (var sums = Files.walk(dir)) {
                for (Path p : sums.filter(p -> p.getFileName().toString().startsWith("go.sum")
                        || p.getFileName().toString().equals("go.work.sum")).toList()) {
                    Files.delete(p);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the scenario, for failure messages. */
    String describe() {
        StringBuilder b = new StringBuilder(name).append('\n');
        new TreeMap<>(projectFiles).forEach((k, v) -> b.append("--- project/").append(k).append('\n').append(v));
        modules.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ModuleVersion.ORDER))
                .forEach(e -> b.append("--- ").append(e.getKey()).append('\n').append(e.getValue()));
        return b.toString();
    }
}
