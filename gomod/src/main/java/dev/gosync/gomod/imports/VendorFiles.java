package dev.gosync.gomod.imports;

import dev.gosync.gomod.GoVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which files of a package directory {@code go mod vendor} copies, and which {@code //go:embed}
 * patterns it resolves to copy more. The main module's go version decides two things: from 1.17
 * a dependency's {@code go.mod} and {@code go.sum} are left out, and from 1.22 only the embeds of
 * non-test files count (before, those of both test packages too).
 */
public final class VendorFiles {
    /** Name prefixes of the legal files copied from every directory between a package and its module root. */
    private static final List<String> METADATA_PREFIXES = List.of(
            "AUTHORS", "CONTRIBUTORS", "COPYLEFT", "COPYING", "COPYRIGHT", "LEGAL", "LICENSE", "NOTICE", "PATENTS");
    private static final String STRIP_GO_MOD = "1.17";
    private static final String NON_TEST_EMBEDS_ONLY = "1.22";

    private VendorFiles() {
    }

    /**
     * Whether a regular file directly in a package directory is copied: everything but
     * {@code _test.go} files, Go files that only build with the {@code ignore} tag, and (main go
     * 1.17 or later) {@code go.mod} and {@code go.sum}. A Go file that cannot be read as text is
     * copied: the go command only leaves out what it knows cannot matter.
     */
    public static boolean copied(SourceFile file, String mainGoVersion) {
        String name = file.name();
        if (name.endsWith("_test.go")) {
            return false;
        }
        if ((name.equals("go.mod") || name.equals("go.sum")) && GoVersion.compare(mainGoVersion, STRIP_GO_MOD) >= 0) {
            return false;
        }
        if (name.endsWith(".go")) {
            ImportScan scan = ImportScan.read(file.content().get());
            return scan.failure() == ImportScan.Failure.NUL || AnyTags.shouldBuild(scan.header());
        }
        return true;
    }

    /** Whether a file in a directory above a package, up to its module root, is copied (licence and the like). */
    public static boolean isMetadata(String name) {
        return METADATA_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /**
     * The {@code //go:embed} patterns whose files are copied with the package, sorted and unique
     * per kind, as {@code go/build} collects them when it reads every Go file regardless of
     * constraints and file-name suffixes: files whose names start with {@code _} or {@code .} and
     * files of {@code package documentation} are skipped; a file importing {@code "C"} counts only
     * when cgo is enabled. Empty when no Go file counts at all (the go command then copies no embeds).
     *
     * @throws GoFileException when the go command would stop too: the first troubled file (in name
     *                         order) is not Go text, has a header that does not parse, an invalid
     *                         import path, or is a test using cgo (files of different packages
     *                         are no trouble here)
     */
    public static List<String> embedPatterns(String dir, List<SourceFile> files, String mainGoVersion, boolean cgoEnabled) {
        Set<String> embeds = new TreeSet<>();
        Set<String> testEmbeds = new TreeSet<>();
        Set<String> xtestEmbeds = new TreeSet<>();
        String packageName = "";
        GoFileException firstTrouble = null;
        boolean firstTroubleFatal = false;
        for (SourceFile file : files) {
            if (file.isHidden() || !file.isGo()) {
                continue;
            }
            byte[] content = file.content().get();
            ImportScan scan = ImportScan.read(content);
            String where = dir.isEmpty() ? file.name() : dir + "/" + file.name();
            List<String> trouble = new ArrayList<>();
            if (scan.failure() == ImportScan.Failure.NUL) {
                trouble.add("unexpected NUL in input");
            } else if (scan.failure() == ImportScan.Failure.SYNTAX) {
                trouble.add("syntax error in the package clause or imports");
            } else {
                for (String quoted : scan.quotedImports()) {
                    String path = GoLiterals.unquote(quoted);
                    if (path == null || !EmbedDirectives.isValidImport(path)) {
                        trouble.add("invalid import path: " + quoted);
                        break;
                    }
                }
            }
            if (!trouble.isEmpty() && firstTrouble == null) {
                firstTrouble = new GoFileException(where, trouble.get(0));
                firstTroubleFatal = true;
            }
            if (scan.failure() == ImportScan.Failure.NUL) {
                continue;
            }
            String pkg = scan.packageName();
            if (pkg.equals("documentation")) {
                continue;
            }
            boolean isXTest = file.isTest() && pkg.endsWith("_test") && !packageName.equals(pkg);
            if (isXTest) {
                pkg = pkg.substring(0, pkg.length() - "_test".length());
            }
            if (packageName.isEmpty()) {
                packageName = pkg;
            } else if (!pkg.equals(packageName) && firstTrouble == null) {
                firstTrouble = new GoFileException(where, "found packages " + packageName + " and " + pkg);
            }
            boolean cgo = trouble.isEmpty() && scan.imports().contains("C");
            if (cgo && file.isTest()) {
                if (firstTrouble == null) {
                    firstTrouble = new GoFileException(where, "use of cgo in test not supported");
                    firstTroubleFatal = true;
                }
                cgo = false;
            }
            if (cgo && !cgoEnabled) {
                continue;
            }
            List<String> patterns = trouble.isEmpty() ? EmbedDirectives.patterns(content) : List.of();
            (isXTest ? xtestEmbeds : file.isTest() ? testEmbeds : embeds).addAll(patterns);
        }
        if (firstTrouble != null && firstTroubleFatal) {
            throw firstTrouble;
        }
        List<String> result = new ArrayList<>(embeds);
        if (GoVersion.compare(mainGoVersion, NON_TEST_EMBEDS_ONLY) < 0) {
            result.addAll(testEmbeds);
            result.addAll(xtestEmbeds);
        }
        return result;
    }
}
