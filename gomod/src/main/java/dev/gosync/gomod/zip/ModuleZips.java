package dev.gosync.gomod.zip;

import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checking and creating module zips, as golang.org/x/mod's {@code zip} package does (see the
 * package documentation for the rules).
 */
public final class ModuleZips {
    /** The largest module zip, and the largest total size of the files in one (500 MiB). */
    public static final long MAX_ZIP_FILE = 500L << 20;
    /** The largest go.mod file in a module zip (16 MiB). */
    public static final int MAX_GO_MOD = 16 << 20;
    /** The largest LICENSE file in a module zip (16 MiB). */
    public static final int MAX_LICENSE = 16 << 20;

    static final String TREE_TOO_LARGE = "module source tree too large (max size is " + MAX_ZIP_FILE + " bytes)";
    static final String GO_MOD_TOO_LARGE = "go.mod file too large (max size is " + MAX_GO_MOD + " bytes)";
    static final String LICENSE_TOO_LARGE = "LICENSE file too large (max size is " + MAX_LICENSE + " bytes)";

    private ModuleZips() {
    }

    /**
     * Sorts files into valid, omitted and invalid as {@link #create} would, without opening any
     * but the root go.mod (whose go line decides the vendor rule), as x/mod's {@code CheckFiles}.
     */
    public static CheckedFiles checkFiles(List<? extends ZipSource> files) {
        return FileRules.check(files).report();
    }

    /**
     * Reports on the files of a module directory as {@link #createFromDir} would treat them, as
     * x/mod's {@code CheckDir}. Paths are slash-separated and relative to dir (x/mod joins them to
     * dir). Files left out by the walk itself (VCS and nested-module directories, irregular files,
     * vendored files) follow the other omitted files.
     *
     * @throws ModuleZipException if the directory cannot be walked
     */
    public static CheckedFiles checkDir(Path dir) {
        DirFiles.Listing listing = DirFiles.list(dir);
        CheckedFiles files = checkFiles(listing.files());
        List<FileProblem> omitted = new ArrayList<>(files.omitted());
        omitted.addAll(listing.omitted());
        return new CheckedFiles(files.valid(), omitted, files.invalid(), files.sizeError());
    }

    /**
     * Checks a module zip on disk through its central directory, as x/mod's {@code CheckZip}:
     * every entry must be named {@code path@version/<file>} with a valid, clean file path, no two
     * names may be equal under Unicode case folding or be both file and directory, go.mod may
     * only appear at the root and spelled so, and the declared sizes must respect the limits.
     * Valid and invalid paths are full entry names; nothing is ever omitted from an existing zip.
     *
     * @throws ModuleZipException if mv is not a valid module path and canonical version, or the
     *                            file cannot be read as a zip
     */
    public static CheckedFiles checkZip(ModuleVersion mv, Path zip) {
        return ZipChecker.check(mv, zip);
    }

    /**
     * Checks a module zip and reads all of it, returning its h1 hash: what the go command needs
     * before it accepts a downloaded zip. Unlike {@link #checkZip}, this also catches entries
     * whose content does not match their declared size or CRC.
     *
     * @throws ModuleZipException if the zip breaks a rule or cannot be read
     */
    public static String verify(ModuleVersion mv, Path zip) {
        CheckedFiles report = checkZip(mv, zip);
        Optional<String> error = report.error();
        if (error.isPresent()) {
            throw new ModuleZipException("invalid module zip " + zip + " for " + mv + ": " + error.get(),
                    "the zip was not made by the go command's rules; fetch it again from a trusted source", null, report);
        }
        try {
            return DirHash.hashZip(zip);
        } catch (GosyncException e) {
            throw new ModuleZipException("invalid module zip " + zip + " for " + mv + ": " + e.getMessage(),
                    "the zip is corrupt; fetch it again", e);
        }
    }

    /**
     * Writes the module zip of mv holding files, as x/mod's {@code Create}: files are checked
     * first ({@link #checkFiles}); omitted ones are left out; any invalid file or size error
     * fails the whole zip before a byte is written. Valid files go in the order given, with no
     * directory entries. out is not closed. If reading a file fails midway, out holds a partial
     * zip: write to a temporary file and move it into place.
     *
     * @return the zip's h1 hash (computed while writing) and size figures
     * @throws ModuleZipException if mv is not a valid module version, a file is invalid, or a
     *                            file is larger than it declared
     */
    public static CreatedZip create(ModuleVersion mv, List<? extends ZipSource> files, OutputStream out) {
        String context = "create zip for " + mv;
        checkModuleVersion(mv, context);
        FileRules.Result checked = FileRules.check(files);
        Optional<String> error = checked.report().error();
        if (error.isPresent()) {
            throw new ModuleZipException("cannot " + context + ": " + error.get(),
                    "rename or remove the files named; the go command cannot zip this module either",
                    null, checked.report());
        }
        try {
            return ZipWriter.write(mv, checked.validFiles(), out);
        } catch (IOException | UncheckedIOException e) {
            throw new ModuleZipException("cannot " + context + ": " + e.getMessage(),
                    "check that the files are readable, do not change while the zip is written, and that the output is writable", e);
        }
    }

    /**
     * Writes the module zip of mv from the files of dir, as x/mod's {@code CreateFromDir}: like
     * {@link #create} on the directory's files, walked as {@link #checkDir} describes.
     *
     * @throws ModuleZipException as {@link #create}, or if the directory cannot be walked
     */
    public static CreatedZip createFromDir(ModuleVersion mv, Path dir, OutputStream out) {
        checkModuleVersion(mv, "create zip from directory " + dir);
        return create(mv, DirFiles.list(dir).files(), out);
    }

    /** A zip's module version must be a valid path with a canonical version of the right major. */
    static void checkModuleVersion(ModuleVersion mv, String context) {
        String canonical = ModulePath.canonicalVersion(mv.version());
        if (!canonical.equals(mv.version())) {
            throw new ModuleZipException("cannot " + context + ": version " + GoStrings.quote(mv.version())
                    + " is not canonical (should be " + GoStrings.quote(canonical) + ")",
                    "use the canonical form of the version", null);
        }
        try {
            ModulePath.check(mv.path(), mv.version());
        } catch (GosyncException e) {
            throw new ModuleZipException("cannot " + context + ": " + e.getMessage(),
                    "use a valid module path and a version of its major", e);
        }
    }
}
