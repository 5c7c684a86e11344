package dev.gosync.serve.vendor;

import java.util.List;
import java.util.Optional;

/**
 * The files of one module as the go command sees them when it loads packages: an extracted
 * module zip, or a directory on disk (a main module or a directory replacement). Paths are
 * slash-separated and relative to the module root; "" is the root.
 */
interface ModuleTree {
    /** What a directory entry is; a symbolic link is not followed. */
    enum Kind { FILE, DIR, SYMLINK, OTHER }

    record Entry(String name, Kind kind) {
    }

    /** The entries directly in {@code dir}, sorted by name bytes; empty when dir is not a directory. */
    Optional<List<Entry>> list(String dir);

    /** What is at {@code path} without following a final symbolic link; empty when nothing is. */
    Optional<Kind> lstat(String path);

    /** What {@code path} leads to, following symbolic links; empty when nothing or a broken link. */
    Optional<Kind> stat(String path);

    /** The content of a file (a symbolic link to a file is followed). */
    byte[] read(String path);

    /** Whether the tree is a directory on disk, where nested modules and stray files may lie about. */
    boolean isLocal();

    /** The module version or directory, for messages. */
    String describe();

    /** {@code a/b} for parent {@code a} and name {@code b}; just the name at the root. */
    static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }
}
