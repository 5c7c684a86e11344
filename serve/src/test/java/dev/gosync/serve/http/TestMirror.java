package dev.gosync.serve.http;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.LayoutStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/** Small mirrors for protocol tests, written through {@link LayoutStore} like an import writes them. */
final class TestMirror {
    private final LayoutStore store;

    private TestMirror(LayoutStore store) {
        this.store = store;
    }

    static TestMirror create(Path dir) {
        return new TestMirror(LayoutStore.create(dir));
    }

    Path dir() {
        return store.root();
    }

    LayoutStore store() {
        return store;
    }

    /** Adds a version with a plain go.mod and a real module zip holding it and one Go file. */
    TestMirror add(String path, String version) {
        String goMod = "module " + path + "\n";
        return add(path, version, goMod, moduleZip(path, version, goMod));
    }

    static byte[] moduleZip(String path, String version, String goMod) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String prefix = path + "@" + version + "/";
        String pkg = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^a-z]", "");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(prefix + "go.mod"));
            zip.write(goMod.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry(prefix + "lib.go"));
            zip.write(("package " + (pkg.isEmpty() ? "lib" : pkg) + "\n\nconst Version = \"" + version + "\"\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    TestMirror add(String path, String version, String goMod, byte[] zip) {
        ModuleVersion mv = new ModuleVersion(path, version);
        try (LayoutStore.Transaction tx = store.begin()) {
            tx.put(mv, LayoutPath.Kind.INFO, new ByteArrayInputStream(info(version).getBytes(StandardCharsets.UTF_8)));
            tx.put(mv, LayoutPath.Kind.MOD, new ByteArrayInputStream(goMod.getBytes(StandardCharsets.UTF_8)));
            tx.put(mv, LayoutPath.Kind.ZIP, new ByteArrayInputStream(zip));
            tx.commit();
        }
        return this;
    }

    static String info(String version) {
        return "{\"Version\":\"" + version + "\",\"Time\":\"2024-01-01T00:00:00Z\"}";
    }

    /** Bytes that stand for a zip: the server does not look inside. */
    static byte[] zipBytes(String path, String version, int size) {
        byte[] b = new byte[size];
        new Random((path + "@" + version).hashCode()).nextBytes(b);
        return b;
    }
}
