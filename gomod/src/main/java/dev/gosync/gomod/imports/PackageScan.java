package dev.gosync.gomod.imports;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a package directory imports under the "any tags" configuration, as the go command's
 * package loader computes it for {@code go mod vendor}: the imports of its non-test files and,
 * separately, of its {@code _test.go} files (both packages). Files whose names start with
 * {@code _} or {@code .}, and files whose constraint needs {@code ignore}, do not count;
 * {@code "C"} and the {@code appengine} pseudo-packages are not imports of anything to load.
 *
 * @param imports     sorted, unique
 * @param testImports sorted, unique
 */
public record PackageScan(SortedSet<String> imports, SortedSet<String> testImports) {
    /**
     * Scans a directory's regular files; empty when no Go file counts ("no Go source files"),
     * which the go command reports as an error for an imported package.
     *
     * @throws GoFileException when a Go file cannot be read as text (a NUL byte)
     */
    public static Optional<PackageScan> scan(String dir, List<SourceFile> files) {
        SortedSet<String> imports = new TreeSet<>();
        SortedSet<String> testImports = new TreeSet<>();
        int counted = 0;
        for (SourceFile file : files) {
            if (file.isHidden() || !file.isGo()) {
                continue;
            }
            ImportScan scan = ImportScan.read(file.content().get());
            if (scan.failure() == ImportScan.Failure.NUL) {
                throw new GoFileException(dir + "/" + file.name(), "unexpected NUL in input");
            }
            if (!AnyTags.shouldBuild(scan.header())) {
                continue;
            }
            counted++;
            for (String path : scan.imports()) {
                if (isLoadable(path)) {
                    (file.isTest() ? testImports : imports).add(path);
                }
            }
        }
        return counted == 0 ? Optional.empty() : Optional.of(new PackageScan(imports, testImports));
    }

    /**
     * Whether the directory holds anything the go command takes for a Go package directory when
     * it looks for the module providing an import: any {@code .go} file, whatever its name or
     * constraints.
     */
    public static boolean hasGoFiles(List<SourceFile> files) {
        return files.stream().anyMatch(SourceFile::isGo);
    }

    private static boolean isLoadable(String path) {
        return !path.equals("C") && !path.equals("appengine") && !path.startsWith("appengine/")
                && !path.equals("appengine_internal") && !path.startsWith("appengine_internal/");
    }
}
