package dev.gosync.gomod.zip;

import dev.gosync.gomod.module.Escaping;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A {@code file://} GOPROXY built by a test: each module version is written as a directory tree,
 * zipped by {@link ModuleZips#createFromDir} and served with its {@code .mod}, {@code .info} and
 * {@code list} entry, so the real go command downloads exactly the zips gosync made.
 */
public final class TestProxy {
    private final Path proxy;
    private final Path trees;

    public TestProxy(Path root) throws IOException {
        this.proxy = Files.createDirectories(root.resolve("proxy"));
        this.trees = Files.createDirectories(root.resolve("trees"));
    }

    /** The GOPROXY value. */
    public String url() {
        return proxy.toUri().toString();
    }

    /** Where the tree of mv was written. */
    public Path tree(ModuleVersion mv) {
        return trees.resolve(Escaping.escapePath(mv.path()) + "@" + Escaping.escapeVersion(mv.version()));
    }

    /**
     * Writes files (slash-separated path to content) as mv's tree and publishes its zip. The
     * {@code .mod} is the tree's go.mod, or {@code module <path>} when it has none, as the go
     * command synthesizes for modules without one.
     */
    public CreatedZip add(ModuleVersion mv, Map<String, String> files) throws IOException {
        Path tree = tree(mv);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = tree.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(tree);
        return publish(mv, tree);
    }

    /** Publishes the zip of an existing tree (which may hold links and other things a map cannot). */
    public CreatedZip publish(ModuleVersion mv, Path tree) throws IOException {
        Path dir = Files.createDirectories(proxy.resolve(Escaping.escapePath(mv.path())).resolve("@v"));
        String v = Escaping.escapeVersion(mv.version());
        CreatedZip created;
        try (OutputStream out = Files.newOutputStream(dir.resolve(v + ".zip"))) {
            created = ModuleZips.createFromDir(mv, tree, out);
        }
        Path goMod = tree.resolve("go.mod");
        byte[] mod = Files.isRegularFile(goMod) ? Files.readAllBytes(goMod)
                : ("module " + mv.path() + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(v + ".mod"), mod);
        Files.writeString(dir.resolve(v + ".info"), "{\"Version\":\"" + mv.version() + "\",\"Time\":\"2024-01-02T03:04:05Z\"}");
        Files.writeString(dir.resolve("list"), mv.version() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return created;
    }

    /** The .mod file served for mv. */
    public byte[] mod(ModuleVersion mv) throws IOException {
        return Files.readAllBytes(proxy.resolve(Escaping.escapePath(mv.path())).resolve("@v")
                .resolve(Escaping.escapeVersion(mv.version()) + ".mod"));
    }
}
