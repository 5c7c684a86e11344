package dev.gosync.serve.vendor;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A module zip read in place, as if extracted: files at their paths below the
 * {@code path@version/} prefix, directories implied by them. The zip has been checked against
 * go.sum before, so its names are the ones the go command would extract.
 */
final class ZipTree implements ModuleTree, AutoCloseable {
    private final ModuleVersion module;
    private final ZipFile zip;
    private final Map<String, ZipEntry> files = new HashMap<>();
    /** Every directory (including the root "") with its entries by name. */
    private final Map<String, TreeMap<String, Kind>> dirs = new HashMap<>();

    private ZipTree(ModuleVersion module, ZipFile zip) {
        this.module = module;
        this.zip = zip;
        dirs.put("", new TreeMap<>(GoStrings.BYTE_ORDER));
    }

    /** Opens the zip of {@code module} (the version whose files it holds, a replacement's if replaced). */
    static ZipTree open(ModuleVersion module, Path zipFile) throws IOException {
        ZipTree tree = new ZipTree(module, new ZipFile(zipFile.toFile()));
        String prefix = module.path() + "@" + module.version() + "/";
        var entries = tree.zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (e.isDirectory() || !e.getName().startsWith(prefix)) {
                continue;
            }
            tree.add(e.getName().substring(prefix.length()), e);
        }
        return tree;
    }

    private void add(String path, ZipEntry entry) {
        files.put(path, entry);
        String child = path;
        while (true) {
            int slash = child.lastIndexOf('/');
            String parent = slash < 0 ? "" : child.substring(0, slash);
            String name = child.substring(slash + 1);
            boolean known = dirs.containsKey(parent);
            dirs.computeIfAbsent(parent, p -> new TreeMap<>(GoStrings.BYTE_ORDER))
                    .put(name, child.equals(path) ? Kind.FILE : Kind.DIR);
            if (known || parent.isEmpty()) {
                return;
            }
            child = parent;
        }
    }

    @Override
    public Optional<List<Entry>> list(String dir) {
        TreeMap<String, Kind> entries = dirs.get(dir);
        if (entries == null) {
            return Optional.empty();
        }
        List<Entry> list = new ArrayList<>(entries.size());
        entries.forEach((name, kind) -> list.add(new Entry(name, kind)));
        return Optional.of(list);
    }

    @Override
    public Optional<Kind> lstat(String path) {
        if (files.containsKey(path)) {
            return Optional.of(Kind.FILE);
        }
        return dirs.containsKey(path) ? Optional.of(Kind.DIR) : Optional.empty();
    }

    @Override
    public Optional<Kind> stat(String path) {
        return lstat(path);
    }

    @Override
    public byte[] read(String path) {
        ZipEntry entry = files.get(path);
        if (entry == null) {
            throw new UncheckedIOException(new IOException(describe() + ": no file " + path));
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(describe() + ": reading " + path + " from the zip", e);
        }
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public String describe() {
        return module.toString();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
