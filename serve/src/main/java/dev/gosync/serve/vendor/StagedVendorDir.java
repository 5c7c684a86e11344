package dev.gosync.serve.vendor;

import dev.gosync.gomod.store.DirectoryTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A {@code vendor/} directory being written in a staging place next to the real one. Files
 * land there as they are copied; {@link #publish} then swaps it for the project's
 * {@code vendor/} with renames, so a failure at any earlier point leaves the old one as it was.
 */
final class StagedVendorDir {
    private final Path root;
    private final Set<String> written = new HashSet<>();
    private long bytes;

    StagedVendorDir(Path root) {
        this.root = root;
    }

    /** Creates a directory (slash-separated, relative to vendor/) and its parents. */
    void mkdirs(String dir) {
        try {
            Files.createDirectories(resolve(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + resolve(dir), e);
        }
    }

    /** Writes a file, replacing an earlier copy (the go command rewrites such files too). */
    void write(String path, byte[] content) {
        Path file = resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        if (written.add(path)) {
            bytes += content.length;
        }
    }

    boolean has(String path) {
        return written.contains(path);
    }

    int files() {
        return written.size();
    }

    long bytes() {
        return bytes;
    }

    Path root() {
        return root;
    }

    private Path resolve(String path) {
        return path.isEmpty() ? root : root.resolve(path);
    }

    /**
     * Replaces {@code target} with the staged directory (or, when {@code empty}, just removes
     * it): the old directory is renamed aside first and deleted only once the new one is in place.
     */
    void publish(Path target, boolean empty) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid()
                    + "-" + System.nanoTime());
            Files.move(target, old);
        }
        try {
            if (!empty) {
                Files.move(root, target);
            }
        } catch (IOException | RuntimeException e) {
            if (old != null) {
                Files.move(old, target);
            }
            throw e;
        }
        if (old != null) {
            DirectoryTree.delete(old);
        }
    }
}
