package dev.gosync.serve.vendor;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.RevInfo;
import dev.gosync.gomod.zip.ModuleZips;
import dev.gosync.gomod.zip.ZipSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mirror directory (GOPROXY layout) filled with module versions made up in a test: each is
 * zipped by gosync's zip rules (so nested modules, vendor directories and the like are left out
 * as the go command leaves them out) and stored with its {@code .info} and {@code .mod}.
 */
final class TestMirror {
    private final LayoutStore store;

    private TestMirror(LayoutStore store) {
        this.store = store;
    }

    static TestMirror create(Path dir) {
        return new TestMirror(LayoutStore.create(dir));
    }

    LayoutStore store() {
        return store;
    }

    Path root() {
        return store.root();
    }

    /** Adds a module version; {@code files} are path → text, and must include go.mod (or not, for a legacy module). */
    TestMirror add(String path, String version, Map<String, String> files) {
        ModuleVersion mv = new ModuleVersion(path, version);
        List<ZipSource> sources = new ArrayList<>();
        files.forEach((name, text) -> sources.add(ZipSource.of(name, text.getBytes(StandardCharsets.UTF_8))));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ModuleZips.create(mv, sources, zip);
        String goMod = files.getOrDefault("go.mod", "module " + path + "\n");
        try (LayoutStore.Transaction tx = store.begin()) {
            tx.put(mv, LayoutPath.Kind.INFO, new ByteArrayInputStream(
                    new RevInfo(version, "2024-01-01T00:00:00Z", null).toJson()));
            tx.put(mv, LayoutPath.Kind.MOD, new ByteArrayInputStream(goMod.getBytes(StandardCharsets.UTF_8)));
            tx.put(mv, LayoutPath.Kind.ZIP, new ByteArrayInputStream(zip.toByteArray()));
            tx.commit();
        }
        return this;
    }

    /** Writes text files below dir (parents created). */
    static void write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ordered map literal: name, content, name, content, … */
    static Map<String, String> files(String... nameThenContent) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            m.put(nameThenContent[i], nameThenContent[i + 1]);
        }
        return m;
    }
}
