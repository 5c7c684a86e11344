package dev.gosync.serve.vendor;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.gosum.GoSum;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.resolve.GoModFetcher;
import dev.gosync.gomod.resolve.MainModule;
import dev.gosync.gomod.resolve.MainModules;
import dev.gosync.gomod.resolve.ReplacementTarget;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.zip.CheckedFiles;
import dev.gosync.gomod.zip.ModuleZips;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module files a vendoring run reads, each checked against the project's go.sum before
 * use: zips (h1 of the content, and the zip rules) and go.mod files. Zips are copied into a
 * private work directory first, so what is checked is what is read.
 */
final class ModuleFiles implements AutoCloseable {
    private final ModuleSource source;
    private final GoSum goSum;
    private final MainModules mains;
    private final Path workDir;
    private final Map<ModuleVersion, ModuleTree> trees = new HashMap<>();
    private final List<ZipTree> opened = new ArrayList<>();
    private int zipsVerified;
    private int downloads;

    ModuleFiles(ModuleSource source, GoSum goSum, MainModules mains, Path workDir) {
        this.source = source;
        this.goSum = goSum;
        this.mains = mains;
        this.workDir = workDir;
    }

    /** Reads go.mod files for the resolver, refusing one that go.sum records with another hash. */
    GoModFetcher goModFetcher() {
        GoModFetcher plain = GoModFetcher.of(source);
        return mv -> {
            byte[] goMod;
            try {
                goMod = plain.goMod(mv);
            } catch (ModuleNotFoundException e) {
                throw notInMirror(mv, "go.mod", e);
            }
            String hash = DirHash.hashGoMod(goMod);
            switch (goSum.checkGoMod(mv, hash)) {
                case MATCH -> {
                }
                case MISMATCH -> throw new ChecksumMismatchException(mv, "/go.mod", hash,
                        String.join(", ", goSum.goModHashes(mv)), source.describe());
                case MISSING -> {
                    // Like go mod vendor (read-only module mode), every go.mod in the module graph
                    // must be in go.sum; go work vendor does not require it.
                    if (!mains.isWorkspace()) {
                        throw new VendorException("missing go.sum entry for go.mod file of " + mv,
                                "go.sum must record every go.mod vendoring reads: run go mod tidy (or go mod download "
                                        + mv.path() + ") on the connected side, export again, and copy the new go.sum here");
                    }
                }
            }
            return goMod;
        };
    }

    /**
     * The files of a module in the build list: a main module's directory, a directory
     * replacement, or the zip of the module (or of its replacement) from the source.
     */
    ModuleTree tree(ModuleVersion module) {
        ModuleTree tree = trees.get(module);
        if (tree == null) {
            tree = open(module);
            trees.put(module, tree);
        }
        return tree;
    }

    int zipsVerified() {
        return zipsVerified;
    }

    private ModuleTree open(ModuleVersion module) {
        if (module.version().isEmpty() && mains.contains(module.path())) {
            MainModule main = mains.modules().stream().filter(m -> m.path().equals(module.path())).findFirst().orElseThrow();
            return new DirTree(main.dir().orElseThrow(), main.path());
        }
        Optional<ReplacementTarget> replacement = mains.replacement(module);
        if (replacement.isPresent() && replacement.get() instanceof ReplacementTarget.Directory dir) {
            if (!Files.isDirectory(dir.dir())) {
                throw new VendorException(module + ": replacement directory " + dir.shown() + " does not exist",
                        "create the directory, or change the replace directive in go.mod");
            }
            return new DirTree(dir.dir(), dir.shown());
        }
        ModuleVersion files = replacement.map(r -> ((ReplacementTarget.Module) r).module()).orElse(module);
        return zipTree(files);
    }

    private ZipTree zipTree(ModuleVersion mv) {
        Path zip = download(mv);
        String hash;
        try {
            hash = DirHash.hashZip(zip);
        } catch (GosyncException e) {
            throw new VendorException(mv + ": the zip from " + source.describe() + " is unreadable: " + e.getMessage(),
                    "import the module into the mirror again", e);
        }
        switch (goSum.checkZip(mv, hash)) {
            case MATCH -> {
            }
            case MISMATCH -> throw new ChecksumMismatchException(mv, "", hash, String.join(", ", goSum.zipHashes(mv)),
                    source.describe());
            case MISSING -> throw new VendorException("missing go.sum entry for module " + mv,
                    "go.sum must record every module vendoring reads: run go mod tidy (or go mod download " + mv.path()
                            + ") on the connected side, export again, and copy the new go.sum here");
        }
        CheckedFiles checked = ModuleZips.checkZip(mv, zip);
        if (!checked.isValid()) {
            throw new VendorException(mv + ": the zip breaks the module zip rules: " + checked.error().orElse(""),
                    "the module cannot be used by the go command either; fix it upstream");
        }
        zipsVerified++;
        try {
            ZipTree tree = ZipTree.open(mv, zip);
            opened.add(tree);
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + zip, e);
        }
    }

    private Path download(ModuleVersion mv) {
        // Numbered, not named after the module: a long module path could exceed the file-name limit.
        Path target = workDir.resolve("module-" + (++downloads) + ".zip");
        try (InputStream in = source.zip(mv)) {
            Path part = Files.createTempFile(workDir, "zip", ".part");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (ModuleNotFoundException e) {
            throw notInMirror(mv, "zip", e);
        } catch (IOException e) {
            throw new VendorException(mv + ": reading the zip from " + source.describe() + ": " + e.getMessage(),
                    "check the mirror (or the connection to it) and try again", e);
        }
    }

    private VendorException notInMirror(ModuleVersion mv, String what, ModuleNotFoundException e) {
        return new VendorException(mv + ": " + what + " not found in " + source.describe(),
                "the mirror lacks a module the project needs: export the project on the connected side "
                        + "(gosync export) and import the bundle into the mirror", e);
    }

    @Override
    public void close() {
        for (ZipTree tree : opened) {
            try {
                tree.close();
            } catch (IOException e) {
                // Only read; nothing to lose.
            }
        }
    }
}
