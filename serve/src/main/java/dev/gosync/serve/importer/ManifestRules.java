package dev.gosync.serve.importer;

import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.store.RevInfo;
import dev.gosync.gomod.zip.ModuleZips;
import java.util.ArrayList;
import java.util.List;

/**
 * What a mirror accepts from a manifest, checked before a single file is read: every row is a
 * module file of the GOPROXY layout ({@code <escaped path>/@v/<version>.info|.mod|.zip}, strict
 * escaping and canonical versions), no larger than the go command accepts, every {@code .mod} and
 * {@code .zip} row with its h1 hash. Version lists and
 * {@code @latest} files are allowed in a bundle but never imported: the mirror derives its lists.
 */
final class ManifestRules {
    private static final int SHOWN = 5;
    /**
     * Version lists and {@code @latest} files are read (hashed) but discarded; far more than any
     * real one needs, so a row cannot make an import stream gigabytes for nothing.
     */
    static final long MAX_DISCARDED_FILE = 16L << 20;

    private ManifestRules() {
    }

    /** @throws ImportException naming the first few offending rows */
    static void check(Manifest manifest, String bundleName) {
        List<String> problems = new ArrayList<>();
        for (FileRow row : manifest.files()) {
            String problem = problem(row);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(ImportException.Problem.LAYOUT, bundleName + " (" + manifest.id() + ") lists "
                    + problems.size() + " file(s) a mirror cannot hold:\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(SHOWN, problems.size())))
                    + (problems.size() > SHOWN ? "\n  ..." : ""),
                    "nothing was imported; bundles written by gosync export hold module files only: do not use "
                            + "this one");
        }
    }

    private static String problem(FileRow row) {
        LayoutPath layout;
        try {
            layout = ProxyLayout.parse(row.path());
        } catch (GosyncException e) {
            return row.path() + ": not a path of the GOPROXY layout (" + e.getMessage() + ")";
        }
        long limit = switch (layout.kind()) {
            case INFO -> RevInfo.MAX_BYTES;
            case MOD -> ModuleZips.MAX_GO_MOD;
            case ZIP -> ModuleZips.MAX_ZIP_FILE;
            case LIST, LATEST -> MAX_DISCARDED_FILE;
        };
        if (row.size() > limit) {
            return row.path() + ": " + row.size() + " bytes, more than the " + limit
                    + (layout.kind().perVersion() ? " the go command accepts for a " + layout.kind().suffix() + " file"
                            : " gosync accepts for a version list or @latest file (never imported)");
        }
        if ((layout.kind() == LayoutPath.Kind.MOD || layout.kind() == LayoutPath.Kind.ZIP) && row.h1() == null) {
            // gosync export writes the go.sum hash of every .mod and .zip; without it the import
            // could not check the content the go command will check against go.sum.
            return row.path() + ": no h1 hash in the manifest row";
        }
        return null;
    }
}
