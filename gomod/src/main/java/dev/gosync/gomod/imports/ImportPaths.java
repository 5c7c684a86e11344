package dev.gosync.gomod.imports;

/** Rules about import paths that do not need the standard library's source. */
public final class ImportPaths {
    private ImportPaths() {
    }

    /**
     * Whether the path may name a standard-library package: its first element has no dot. The
     * go command treats a missing package with such a path as a standard package the installed
     * toolchain lacks, never as one to find in a module (unless a main module's path has no dot).
     */
    public static boolean isStandard(String path) {
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        return first.indexOf('.') < 0;
    }
}
