package dev.gosync.gomod.zip;

import dev.gosync.gomod.GoPaths;
import dev.gosync.gomod.module.InvalidPathException;
import dev.gosync.gomod.module.ModulePath;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts a list of files into those a module zip holds, those it leaves out and those that make
 * it invalid, in the order and with the reasons of x/mod's {@code checkFiles}. Omission comes
 * before name validation, so a bad name in a vendored package or nested module is harmless.
 */
final class FileRules {
    static final String NOT_CLEAN = "file path is not clean";
    static final String GO_MOD_CASE = "go.mod files must have lowercase names";
    private static final String GO_MOD = "go.mod";
    private static final String LICENSE = "LICENSE";

    /** The report, and the valid files themselves in the order given. */
    record Result(CheckedFiles report, List<ZipSource> validFiles) {
    }

    private final List<String> valid = new ArrayList<>();
    private final List<ZipSource> validFiles = new ArrayList<>();
    private final List<FileProblem> omitted = new ArrayList<>();
    private final List<FileProblem> invalid = new ArrayList<>();
    /** A path is reported once, under its first problem; later problems for it are dropped, as x/mod drops them. */
    private final Set<String> reported = new HashSet<>();
    private String sizeError;

    private FileRules() {
    }

    static Result check(List<? extends ZipSource> files) {
        FileRules rules = new FileRules();
        rules.run(files);
        return new Result(new CheckedFiles(rules.valid, rules.omitted, rules.invalid, Optional.ofNullable(rules.sizeError)),
                List.copyOf(rules.validFiles));
    }

    /** Whether name, in any case, is go.mod; only ASCII letters fold or lower-case into it, so EqualFold and ToLower agree. */
    static boolean isGoModInAnyCase(String name) {
        return CaseFold.fold(name).equals(GO_MOD);
    }

    private void run(List<? extends ZipSource> files) {
        Set<String> moduleDirs = new HashSet<>();
        String goVersion = "";
        for (ZipSource f : files) {
            String p = f.path();
            int slash = p.lastIndexOf('/');
            String dir = p.substring(0, slash + 1);
            String base = p.substring(slash + 1);
            if (isGoModInAnyCase(base) && f.kind() == ZipSource.Kind.REGULAR) {
                moduleDirs.add(dir);
                if (dir.isEmpty() && base.equals(GO_MOD)) {
                    goVersion = readGoVersion(f).orElse(goVersion);
                }
            }
        }
        VendorRule vendor = VendorRule.forGoLine(goVersion);
        CollisionChecker collisions = new CollisionChecker();
        long remaining = ModuleZips.MAX_ZIP_FILE;
        for (ZipSource f : files) {
            String p = f.path();
            if (!GoPaths.clean(p).equals(p)) {
                report(p, false, NOT_CLEAN);
                continue;
            }
            if (p.startsWith("/")) {
                report(p, false, "file path is not relative");
                continue;
            }
            if (vendor.omits(p)) {
                report(p, true, DirFiles.VENDORED);
                continue;
            }
            if (inNestedModule(p, moduleDirs)) {
                report(p, true, "file is in another module");
                continue;
            }
            if (p.equals(".hg_archival.txt")) {
                report(p, true, "file is inserted by 'hg archive' and is always omitted");
                continue;
            }
            try {
                ModulePath.checkFilePath(p);
            } catch (InvalidPathException e) {
                report(p, false, e.getMessage());
                continue;
            }
            if (isGoModInAnyCase(p) && !p.equals(GO_MOD)) {
                report(p, false, GO_MOD_CASE);
                continue;
            }
            String collision = collisions.check(p, f.kind() == ZipSource.Kind.DIRECTORY);
            if (collision != null) {
                report(p, false, collision);
                continue;
            }
            if (f.kind() == ZipSource.Kind.SYMLINK) {
                report(p, true, "file is a symbolic link");
                continue;
            }
            if (f.kind() != ZipSource.Kind.REGULAR) {
                report(p, true, DirFiles.NOT_REGULAR);
                continue;
            }
            long size = f.size();
            if (size != ZipSource.UNKNOWN_SIZE) {
                if (size >= 0 && size <= remaining) {
                    remaining -= size;
                } else if (sizeError == null) {
                    sizeError = ModuleZips.TREE_TOO_LARGE;
                }
            }
            if (p.equals(GO_MOD) && size > ModuleZips.MAX_GO_MOD) {
                report(p, false, ModuleZips.GO_MOD_TOO_LARGE);
                continue;
            }
            if (p.equals(LICENSE) && size > ModuleZips.MAX_LICENSE) {
                report(p, false, ModuleZips.LICENSE_TOO_LARGE);
                continue;
            }
            valid.add(p);
            validFiles.add(f);
        }
    }

    private void report(String path, boolean isOmitted, String reason) {
        if (reported.add(path)) {
            (isOmitted ? omitted : invalid).add(new FileProblem(path, reason));
        }
    }

    /** Whether a directory above p (not the root) holds a go.mod. */
    private static boolean inNestedModule(String p, Set<String> moduleDirs) {
        for (int slash = p.lastIndexOf('/'); slash >= 0; slash = p.lastIndexOf('/', slash - 1)) {
            if (moduleDirs.contains(p.substring(0, slash + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The go line of a root go.mod; empty when it cannot be read, as x/mod then ignores it. */
    private static Optional<String> readGoVersion(ZipSource goMod) {
        try (InputStream in = goMod.open()) {
            byte[] data = in.readNBytes(ModuleZips.MAX_GO_MOD + 1);
            // A larger go.mod makes the zip invalid anyway; it is not worth holding in memory.
            return Optional.of(data.length > ModuleZips.MAX_GO_MOD ? "" : ModuleGoVersion.of(data));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
