package dev.gosync.serve.vendor;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GoVersion;
import dev.gosync.gomod.imports.GoFileException;
import dev.gosync.gomod.imports.ImportPaths;
import dev.gosync.gomod.imports.PackageScan;
import dev.gosync.gomod.imports.SourceFile;
import dev.gosync.gomod.modfile.Requirement;
import dev.gosync.gomod.module.InvalidPathException;
import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.resolve.BuildListEntry;
import dev.gosync.gomod.resolve.MainModule;
import dev.gosync.gomod.resolve.MainModules;
import dev.gosync.gomod.resolve.Resolution;
import dev.gosync.gomod.semver.Semver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Loads the packages {@code go mod vendor} vendors: the "all" pattern as vendoring reads it.
 * Roots are every package of the main modules (and their {@code tool} packages); from there
 * the imports of every package are followed, and for main-module packages the imports of their
 * tests too, but never the tests of dependencies. Every build tag counts as both set and unset
 * except {@code ignore}.
 *
 * <p>An import is provided by the module of the build list whose path is a prefix of it and
 * whose directory for it holds a {@code .go} file; two such modules make the import ambiguous,
 * none make it missing, unless it looks like a standard-library path (first element without a
 * dot), which is then left to the toolchain. With graph pruning (main go 1.17 or later, or a
 * workspace) the main go.mod's own requirements are searched first and the whole build list only
 * if they do not provide the package, as the go command does.
 */
final class PackageLoader {
    private static final Set<String> META_PACKAGES = Set.of("all", "std", "cmd", "tool", "work");

    /**
     * A loaded package outside the standard library.
     *
     * @param module the selected module version providing it (a main module has version "")
     * @param tree   the files of the module (or of its replacement)
     * @param dir    the package directory within the tree
     */
    record Package(String path, ModuleVersion module, ModuleTree tree, String dir) {
    }

    /** An import the go command would report against the importing package; all are collected and reported together. */
    private static final class ImportException extends RuntimeException {
        ImportException(String message) {
            super(message, null, false, false);
        }
    }

    private final MainModules mains;
    private final ModuleFiles files;
    private final Supplier<Resolution> resolution;
    private Map<String, String> selected;
    private final Map<String, String> roots = new HashMap<>();
    private final boolean pruned;

    /**
     * @param resolution the module graph, asked for only when the main go.mod's own requirements
     *                   do not provide a package (or at once without graph pruning): like the go
     *                   command, vendoring a tidy module reads no go.mod beyond its requirements'
     */
    PackageLoader(MainModules mains, Supplier<Resolution> resolution, ModuleFiles files) {
        this.mains = mains;
        this.files = files;
        this.resolution = resolution;
        if (!mains.isWorkspace()) {
            // In a workspace the roots are the workspace modules alone.
            for (Requirement r : mains.modules().get(0).goMod().requirements()) {
                if (!mains.exclusions().contains(r.module())) {
                    roots.merge(r.module().path(), r.module().version(), (a, b) -> Semver.compare(a, b) >= 0 ? a : b);
                }
            }
        }
        for (MainModule m : mains.modules()) {
            roots.put(m.path(), "");
        }
        String goVersion = mains.goVersion().isEmpty() ? "1.16" : mains.goVersion();
        this.pruned = mains.isWorkspace() || GoVersion.compare(goVersion, "1.17") >= 0;
    }

    /** The selected version of every module path of the build list, main modules at "". */
    private Map<String, String> selected() {
        if (selected == null) {
            Map<String, String> versions = new HashMap<>();
            for (BuildListEntry e : resolution.get().buildList()) {
                versions.put(e.module().path(), e.module().version());
            }
            mains.modules().forEach(m -> versions.put(m.path(), ""));
            selected = versions;
        }
        return selected;
    }

    /**
     * Every package in "all" outside the standard library, main-module packages included, by path.
     *
     * @throws VendorException naming every import that is missing, ambiguous, invalid or unreadable
     */
    List<Package> load() {
        if (!pruned) {
            selected();
        }
        Map<String, Package> loaded = new TreeMap<>(GoStrings.BYTE_ORDER);
        Map<String, String> importedBy = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        List<String> errors = new ArrayList<>();
        for (MainModule main : mains.modules()) {
            for (String pkg : mainPackages(main)) {
                enqueue(pkg, null, importedBy, queue);
            }
            for (String tool : main.goMod().tools()) {
                enqueue(tool, null, importedBy, queue);
            }
        }
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            Optional<Package> pkg;
            try {
                pkg = resolve(path);
            } catch (ImportException e) {
                errors.add(stack(path, importedBy) + e.getMessage());
                continue;
            }
            if (pkg.isEmpty()) {
                continue;
            }
            Package p = pkg.get();
            loaded.put(path, p);
            Optional<PackageScan> scan;
            try {
                scan = PackageScan.scan(p.dir(), sourceFiles(p.tree(), p.dir()));
            } catch (GoFileException e) {
                errors.add(stack(path, importedBy) + e.getMessage());
                continue;
            }
            if (scan.isEmpty()) {
                errors.add(stack(path, importedBy) + "no Go source files in " + p.tree().describe()
                        + (p.dir().isEmpty() ? "" : "/" + p.dir()));
                continue;
            }
            scan.get().imports().forEach(i -> enqueue(i, path, importedBy, queue));
            if (mains.contains(p.module().path()) && p.module().version().isEmpty()) {
                scan.get().testImports().forEach(i -> enqueue(i, path, importedBy, queue));
            }
        }
        if (!errors.isEmpty()) {
            throw new VendorException(String.join("\n", errors),
                    "the project's go.mod and go.sum must cover every import: run go mod tidy on the connected side, "
                            + "export again, and import the bundle into the mirror");
        }
        return List.copyOf(loaded.values());
    }

    private static void enqueue(String path, String importer, Map<String, String> importedBy, Deque<String> queue) {
        if (!importedBy.containsKey(path)) {
            importedBy.put(path, importer);
            queue.addLast(path);
        }
    }

    /** "a imports\n\tb imports\n\tc: " for error messages, as the go command shows how it got there. */
    private static String stack(String path, Map<String, String> importedBy) {
        List<String> chain = new ArrayList<>();
        for (String p = importedBy.get(path); p != null && chain.size() < 50; p = importedBy.get(p)) {
            chain.add(0, p);
        }
        if (chain.isEmpty()) {
            return path + ": ";
        }
        StringBuilder s = new StringBuilder();
        for (String p : chain) {
            s.append(s.length() == 0 ? "" : "\t").append(p).append(" imports\n");
        }
        return s.append('\t').append(path).append(": ").toString();
    }

    /**
     * The module providing an import, or empty for {@code "C"} and standard-library paths.
     *
     * @throws ImportException when the import is invalid, missing or ambiguous
     * @throws VendorException  when a module that could provide it cannot be read or verified
     */
    private Optional<Package> resolve(String path) {
        if (path.equals("C")) {
            return Optional.empty();
        }
        checkImportable(path);
        if (pruned) {
            List<Package> fromRoots = candidates(path, roots);
            if (!fromRoots.isEmpty()) {
                return Optional.of(unique(path, fromRoots));
            }
        }
        if (pruned && ImportPaths.isStandard(path)) {
            // The go command finds a standard package in GOROOT before it would load the graph.
            return Optional.empty();
        }
        List<Package> found = candidates(path, selected());
        if (!found.isEmpty()) {
            return Optional.of(unique(path, found));
        }
        if (ImportPaths.isStandard(path)) {
            return Optional.empty();
        }
        throw new ImportException("no required module provides package " + path);
    }

    private static Package unique(String path, List<Package> found) {
        if (found.size() == 1) {
            return found.get(0);
        }
        StringBuilder s = new StringBuilder("ambiguous import: found package " + path + " in multiple modules:");
        for (int i = found.size() - 1; i >= 0; i--) {
            Package p = found.get(i);
            s.append("\n\t").append(p.module().path()).append(' ').append(p.module().version())
                    .append(" (").append(p.tree().describe()).append(p.dir().isEmpty() ? "" : "/" + p.dir()).append(')');
        }
        throw new ImportException(s.toString());
    }

    /** The modules among {@code versions} that hold a Go package directory for path, longest module path first. */
    private List<Package> candidates(String path, Map<String, String> versions) {
        List<Package> found = new ArrayList<>();
        for (String prefix = path; !prefix.isEmpty(); prefix = parent(prefix)) {
            if (prefix.equals("go") || prefix.equals("toolchain")) {
                continue;
            }
            String version = versions.get(prefix);
            if (version == null) {
                continue;
            }
            ModuleVersion module = new ModuleVersion(prefix, version);
            ModuleTree tree = files.tree(module);
            String dir = path.equals(prefix) ? "" : path.substring(prefix.length() + 1);
            if (tree.isLocal() && inNestedModule(tree, dir)) {
                continue;
            }
            if (tree.list(dir).map(PackageLoader::hasGoFile).orElse(false)) {
                found.add(new Package(path, module, tree, dir));
            }
        }
        return found;
    }

    /** Whether a go.mod in dir or a directory between it and the root makes dir part of another module. */
    private static boolean inNestedModule(ModuleTree tree, String dir) {
        for (String d = dir; !d.isEmpty(); d = parent(d)) {
            if (tree.stat(ModuleTree.join(d, "go.mod")).orElse(null) == ModuleTree.Kind.FILE) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasGoFile(List<ModuleTree.Entry> entries) {
        return entries.stream().anyMatch(e -> e.name().endsWith(".go")
                && (e.kind() == ModuleTree.Kind.FILE || e.kind() == ModuleTree.Kind.SYMLINK));
    }

    private static void checkImportable(String path) {
        String problem = null;
        if (path.contains("@")) {
            problem = "import path " + GoStrings.quote(path) + " should not have @version";
        } else if (path.equals(".") || path.equals("..") || path.startsWith("./") || path.startsWith("../")) {
            problem = GoStrings.quote(path) + " is relative, but relative import paths are not supported in module mode";
        } else if (path.startsWith("/")) {
            problem = GoStrings.quote(path) + " is not a package path";
        } else if (META_PACKAGES.contains(path)) {
            problem = GoStrings.quote(path) + " is not an importable package";
        } else {
            try {
                ModulePath.checkImportPath(path);
            } catch (InvalidPathException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            throw new ImportException(problem);
        }
    }

    /**
     * The packages of a main module: every directory (not below {@code testdata}, a {@code .} or
     * {@code _} directory, {@code vendor}, an {@code ignore}d path or a nested module) with a Go
     * file that some build could use, its test files included.
     */
    private List<String> mainPackages(MainModule main) {
        ModuleTree tree = files.tree(new ModuleVersion(main.path(), ""));
        IgnoredDirs ignored = new IgnoredDirs(main.goMod().ignores());
        List<String> packages = new ArrayList<>();
        walk(tree, "", main.path(), ignored, packages);
        return packages;
    }

    private void walk(ModuleTree tree, String dir, String modulePath, IgnoredDirs ignored, List<String> packages) {
        String pkg = dir.isEmpty() ? modulePath : modulePath + "/" + dir;
        try {
            if (PackageScan.scan(dir, sourceFiles(tree, dir)).isPresent()) {
                packages.add(pkg);
            }
        } catch (GoFileException e) {
            // A package whose files cannot be read is still a package; loading it reports the problem.
            packages.add(pkg);
        }
        if (dir.equals("vendor") || dir.endsWith("/vendor")) {
            return;
        }
        for (ModuleTree.Entry e : tree.list(dir).orElse(List.of())) {
            if (e.kind() != ModuleTree.Kind.DIR) {
                continue;
            }
            String name = e.name();
            String child = ModuleTree.join(dir, name);
            if (name.startsWith(".") || name.startsWith("_") || name.equals("testdata") || ignored.ignores(child)) {
                continue;
            }
            if (tree.stat(ModuleTree.join(child, "go.mod")).orElse(null) == ModuleTree.Kind.FILE) {
                continue;
            }
            walk(tree, child, modulePath, ignored, packages);
        }
    }

    /** The regular files directly in a package directory (symbolic links to files included), in name order. */
    static List<SourceFile> sourceFiles(ModuleTree tree, String dir) {
        List<SourceFile> list = new ArrayList<>();
        for (ModuleTree.Entry e : tree.list(dir).orElse(List.of())) {
            String path = ModuleTree.join(dir, e.name());
            boolean file = e.kind() == ModuleTree.Kind.FILE
                    || (e.kind() == ModuleTree.Kind.SYMLINK && tree.stat(path).orElse(null) == ModuleTree.Kind.FILE);
            if (file) {
                list.add(new SourceFile(e.name(), () -> tree.read(path)));
            }
        }
        return list;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * The go.mod {@code ignore} directive (Go 1.25): {@code ./x} leaves out the directory x at
     * the module root, a bare {@code x} every directory named x (or path ending in x) anywhere.
     */
    private static final class IgnoredDirs {
        private final List<String> fromRoot = new ArrayList<>();
        private final List<String> anywhere = new ArrayList<>();

        IgnoredDirs(List<String> patterns) {
            for (String p : patterns) {
                if (p.startsWith("./")) {
                    fromRoot.add(wrap(p.substring(2)));
                } else {
                    anywhere.add(wrap(p));
                }
            }
        }

        boolean ignores(String dir) {
            String d = wrap(dir);
            return fromRoot.stream().anyMatch(d::startsWith) || anywhere.stream().anyMatch(d::contains);
        }

        private static String wrap(String p) {
            String s = p.startsWith("/") ? p : "/" + p;
            return s.endsWith("/") ? s : s + "/";
        }
    }
}
