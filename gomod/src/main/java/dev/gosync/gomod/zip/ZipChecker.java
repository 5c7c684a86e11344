package dev.gosync.gomod.zip;

import dev.gosync.gomod.GoPaths;
import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.module.InvalidPathException;
import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks an existing module zip through its central directory, as x/mod's {@code CheckZip}:
 * names, collisions, go.mod placement and declared sizes. Contents are not read; see
 * {@link ModuleZips#verify} for a check that also reads them.
 */
final class ZipChecker {
    private ZipChecker() {
    }

    static CheckedFiles check(ModuleVersion mv, Path zip) {
        ModuleZips.checkModuleVersion(mv, "check zip " + zip);
        long zipSize;
        try {
            zipSize = Files.size(zip);
        } catch (IOException e) {
            throw unreadable(mv, zip, e);
        }
        if (zipSize > ModuleZips.MAX_ZIP_FILE) {
            return new CheckedFiles(List.of(), List.of(), List.of(), Optional.of("module zip file is too large ("
                    + zipSize + " bytes; limit is " + ModuleZips.MAX_ZIP_FILE + " bytes)"));
        }
        try (ZipFile zf = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            return checkEntries(mv.path() + "@" + mv.version() + "/", zf.entries());
        } catch (IOException e) {
            throw unreadable(mv, zip, e);
        }
    }

    private static CheckedFiles checkEntries(String prefix, Enumeration<? extends ZipEntry> entries) {
        List<String> valid = new ArrayList<>();
        List<FileProblem> invalid = new ArrayList<>();
        String sizeError = null;
        CollisionChecker collisions = new CollisionChecker();
        long total = 0;
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String full = entry.getName();
            if (!full.startsWith(prefix)) {
                invalid.add(new FileProblem(full, "path does not have prefix " + GoStrings.quote(prefix)));
                continue;
            }
            String name = full.substring(prefix.length());
            if (name.isEmpty()) {
                continue;
            }
            boolean isDir = name.endsWith("/");
            if (isDir) {
                name = name.substring(0, name.length() - 1);
            }
            String problem = nameProblem(name);
            if (problem == null) {
                problem = collisions.check(name, isDir);
            }
            if (problem != null) {
                invalid.add(new FileProblem(full, problem));
                continue;
            }
            if (isDir) {
                continue;
            }
            String base = name.substring(name.lastIndexOf('/') + 1);
            if (FileRules.isGoModInAnyCase(base)) {
                if (!base.equals(name)) {
                    invalid.add(new FileProblem(full, "go.mod file not in module root directory"));
                    continue;
                }
                if (!name.equals("go.mod")) {
                    invalid.add(new FileProblem(full, FileRules.GO_MOD_CASE));
                    continue;
                }
            }
            long size = entry.getSize();
            if (size >= 0 && ModuleZips.MAX_ZIP_FILE - total >= size) {
                total += size;
            } else if (sizeError == null) {
                sizeError = "total uncompressed size of module contents too large (max size is "
                        + ModuleZips.MAX_ZIP_FILE + " bytes)";
            }
            if (name.equals("go.mod") && size > ModuleZips.MAX_GO_MOD) {
                invalid.add(new FileProblem(full, ModuleZips.GO_MOD_TOO_LARGE));
                continue;
            }
            if (name.equals("LICENSE") && size > ModuleZips.MAX_LICENSE) {
                invalid.add(new FileProblem(full, ModuleZips.LICENSE_TOO_LARGE));
                continue;
            }
            valid.add(full);
        }
        return new CheckedFiles(valid, List.of(), invalid, Optional.ofNullable(sizeError));
    }

    private static String nameProblem(String name) {
        if (!GoPaths.clean(name).equals(name)) {
            return FileRules.NOT_CLEAN;
        }
        try {
            ModulePath.checkFilePath(name);
            return null;
        } catch (InvalidPathException e) {
            return e.getMessage();
        }
    }

    private static ModuleZipException unreadable(ModuleVersion mv, Path zip, Exception e) {
        return new ModuleZipException("cannot read module zip " + zip + " of " + mv + ": " + e.getMessage(),
                "the file is corrupt or not a zip; fetch it again", e);
    }
}
