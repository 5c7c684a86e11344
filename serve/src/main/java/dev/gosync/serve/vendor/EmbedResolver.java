package dev.gosync.serve.vendor;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.module.InvalidPathException;
import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.module.PathPattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves {@code //go:embed} patterns of a package to the files they embed, as the go command
 * does before copying them into {@code vendor/}: each pattern is a glob relative to the package
 * directory ({@code all:} also takes hidden files of matched directories); a matched directory
 * stands for every file below it except hidden ones and nested modules; matches inside another
 * module, with names no module may hold, or that are neither files nor directories are errors.
 */
final class EmbedResolver {
    private static final String ALL_PREFIX = "all:";
    private static final Set<String> VCS_DIRS = Set.of(".bzr", ".hg", ".git", ".svn");

    /** A pattern that cannot be resolved, as the go command words it. */
    static final class EmbedException extends Exception {
        EmbedException(String pattern, String problem) {
            super("pattern " + pattern + ": " + problem);
        }
    }

    private final ModuleTree tree;
    private final String pkgDir;

    EmbedResolver(ModuleTree tree, String pkgDir) {
        this.tree = tree;
        this.pkgDir = pkgDir;
    }

    /** The embedded files, relative to the package directory, sorted and unique. */
    List<String> resolve(List<String> patterns) throws EmbedException {
        TreeSet<String> files = new TreeSet<>(GoStrings.BYTE_ORDER);
        Set<String> dirOk = new HashSet<>();
        for (String pattern : patterns) {
            boolean all = pattern.startsWith(ALL_PREFIX);
            String glob = all ? pattern.substring(ALL_PREFIX.length()) : pattern;
            if (!isValidPattern(glob)) {
                throw new EmbedException(pattern, "invalid pattern syntax");
            }
            List<String> matched = new ArrayList<>();
            for (String rel : glob(glob)) {
                matched.addAll(filesOf(pattern, rel, all, dirOk));
            }
            if (matched.isEmpty()) {
                throw new EmbedException(pattern, "no matching files found");
            }
            files.addAll(matched);
        }
        return List.copyOf(files);
    }

    private List<String> filesOf(String pattern, String rel, boolean all, Set<String> dirOk) throws EmbedException {
        ModuleTree.Kind kind = tree.lstat(full(rel)).orElseThrow();
        String what = kind == ModuleTree.Kind.DIR ? "directory" : "file";
        for (String dir = rel; !dir.isEmpty() && !dirOk.contains(dir); dir = parent(dir)) {
            if (tree.stat(full(ModuleTree.join(dir, "go.mod"))).isPresent()) {
                throw new EmbedException(pattern, "cannot embed " + what + " " + rel + ": in different module");
            }
            if (!dir.equals(rel)) {
                Optional<ModuleTree.Kind> k = tree.lstat(full(dir));
                if (k.isPresent() && k.get() != ModuleTree.Kind.DIR) {
                    throw new EmbedException(pattern, "cannot embed " + what + " " + rel + ": in non-directory " + dir);
                }
            }
            dirOk.add(dir);
            String elem = base(dir);
            if (isBadName(elem)) {
                throw new EmbedException(pattern, "cannot embed " + what + " " + rel + ": "
                        + (dir.equals(rel) ? "invalid name " : "in invalid directory ") + elem);
            }
        }
        if (kind == ModuleTree.Kind.FILE) {
            return List.of(rel);
        }
        if (kind != ModuleTree.Kind.DIR) {
            throw new EmbedException(pattern, "cannot embed irregular file " + rel);
        }
        List<String> files = new ArrayList<>();
        walk(pattern, rel, all, files);
        if (files.isEmpty()) {
            throw new EmbedException(pattern, "cannot embed directory " + rel + ": contains no embeddable files");
        }
        return files;
    }

    /** Collects the embeddable files below a matched directory, skipping hidden names and nested modules. */
    private void walk(String pattern, String dir, boolean all, List<String> files) throws EmbedException {
        if (tree.stat(full(ModuleTree.join(dir, "go.mod"))).isPresent()) {
            return;
        }
        for (ModuleTree.Entry e : tree.list(full(dir)).orElse(List.of())) {
            String rel = ModuleTree.join(dir, e.name());
            boolean hidden = e.name().startsWith(".") || e.name().startsWith("_");
            if (isBadName(e.name()) || (hidden && !all)) {
                if (e.kind() == ModuleTree.Kind.DIR || hidden) {
                    continue;
                }
                throw new EmbedException(pattern, "cannot embed file " + rel + ": invalid name " + e.name());
            }
            if (e.kind() == ModuleTree.Kind.DIR) {
                walk(pattern, rel, all, files);
            } else if (e.kind() == ModuleTree.Kind.FILE) {
                files.add(rel);
            }
        }
    }

    /**
     * The paths (relative to the package directory) matching a glob, as Go's
     * {@code filepath.Glob}: elements without wildcards must exist, the last element's matches
     * come in name order per directory.
     */
    private List<String> glob(String pattern) {
        if (!hasMeta(pattern)) {
            return tree.lstat(full(pattern)).isPresent() ? List.of(pattern) : List.of();
        }
        int slash = pattern.lastIndexOf('/');
        String dir = slash < 0 ? "" : pattern.substring(0, slash);
        String file = pattern.substring(slash + 1);
        List<String> dirs = hasMeta(dir) ? glob(dir) : List.of(dir);
        List<String> matches = new ArrayList<>();
        for (String d : dirs) {
            if (tree.stat(full(d)).orElse(null) != ModuleTree.Kind.DIR) {
                continue;
            }
            for (ModuleTree.Entry e : tree.list(full(d)).orElse(List.of())) {
                if (PathPattern.match(file, e.name())) {
                    matches.add(ModuleTree.join(d, e.name()));
                }
            }
        }
        return matches;
    }

    private String full(String rel) {
        return rel.isEmpty() ? pkgDir : ModuleTree.join(pkgDir, rel);
    }

    private static boolean hasMeta(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** A pattern {@code path.Match} accepts that is also a clean relative path other than ".". */
    private static boolean isValidPattern(String glob) {
        try {
            PathPattern.match(glob, "");
        } catch (PathPattern.BadPatternException e) {
            return false;
        }
        if (glob.equals(".") || glob.isEmpty() || !GoStrings.isValidUtf8(glob)) {
            return false;
        }
        for (String elem : glob.split("/", -1)) {
            if (elem.isEmpty() || elem.equals(".") || elem.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** A name no module zip can hold, or a version-control directory. */
    private static boolean isBadName(String name) {
        if (name.isEmpty() || VCS_DIRS.contains(name)) {
            return true;
        }
        try {
            ModulePath.checkFilePath(name);
            return false;
        } catch (InvalidPathException e) {
            return true;
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
