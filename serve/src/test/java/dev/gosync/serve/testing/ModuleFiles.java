package dev.gosync.serve.testing;

import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.store.RevInfo;
import dev.gosync.gomod.zip.CreatedZip;
import dev.gosync.gomod.zip.ModuleZips;
import dev.gosync.gomod.zip.ZipSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real module files in GOPROXY layout, made in memory: {@code .info}, {@code .mod} and a module
 * zip built by the module zip rules, with the rows (size, sha256, h1) a manifest lists for them.
 */
public final class ModuleFiles {
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, String> h1 = new TreeMap<>();

    /** Adds {@code .info}, {@code .mod} and {@code .zip} of a module version with one Go file. */
    public ModuleFiles module(String path, String version) {
        return module(path, version, "package x\n\n// " + path + " " + version + "\n");
    }

    /** Like {@link #module(String, String)} with the given Go source in the zip. */
    public ModuleFiles module(String path, String version, String goSource) {
        ModuleVersion mv = new ModuleVersion(path, version);
        byte[] goMod = ("module " + path + "\n\ngo 1.21\n").getBytes(StandardCharsets.UTF_8);
        files.put(ProxyLayout.info(mv), new RevInfo(version, "2024-01-02T03:04:05Z", null).toJson());
        files.put(ProxyLayout.mod(mv), goMod);
        h1.put(ProxyLayout.mod(mv), DirHash.hashGoMod(goMod));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        CreatedZip created = ModuleZips.create(mv, List.of(ZipSource.of("go.mod", goMod),
                ZipSource.of("x.go", goSource.getBytes(StandardCharsets.UTF_8))), zip);
        files.put(ProxyLayout.zip(mv), zip.toByteArray());
        h1.put(ProxyLayout.zip(mv), created.h1());
        return this;
    }

    /** Adds (or replaces) a file with any content; its row has no h1. */
    public ModuleFiles raw(String path, byte[] content) {
        files.put(path, content.clone());
        h1.remove(path);
        return this;
    }

    public ModuleFiles raw(String path, String content) {
        return raw(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public ModuleFiles without(String path) {
        files.remove(path);
        h1.remove(path);
        return this;
    }

    /** The files, by layout path, sorted. */
    public Map<String, byte[]> files() {
        return files;
    }

    public byte[] content(String path) {
        return files.get(path).clone();
    }

    /** Manifest rows of every file, sorted by path. */
    public List<FileRow> rows() {
        List<FileRow> rows = new ArrayList<>();
        files.forEach((path, content) -> rows.add(new FileRow(path, content.length, sha256(content), h1.get(path))));
        return rows;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
