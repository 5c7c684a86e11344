package dev.gosync.serve.importer;

import dev.gosync.bundle.archive.BundleEntry;
import dev.gosync.bundle.archive.BundleReader;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.StoredFile;
import dev.gosync.gomod.zip.ModuleZipException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads every file of an opened bundle into a store transaction, checking each on the way: size
 * and SHA-256 against the manifest (the reader does that while the bytes stream into the staging
 * file), revision info for {@code .info}, the h1 hash for {@code .mod} and, once staged, the
 * module zip rules and h1 for {@code .zip}. The same code serves {@code verify}, into a scratch
 * store that is thrown away, and {@code import}, into the mirror.
 */
final class BundleContent {
    private BundleContent() {
    }

    /** @return the files staged, with their hashes; version lists and {@code @latest} files are skipped */
    static List<StoredFile> stage(BundleReader reader, LayoutStore.Transaction tx, String bundleName,
            ImportListener listener) {
        List<StoredFile> staged = new ArrayList<>();
        int skipped = 0;
        for (Optional<BundleEntry> next = reader.next(); next.isPresent(); next = reader.next()) {
            FileRow row = next.get().row();
            LayoutPath layout = ProxyLayout.parse(row.path());
            if (!layout.kind().perVersion()) {
                // The reader verifies what is skipped when it moves to the next entry.
                skipped++;
                listener.checked(row);
                continue;
            }
            ModuleVersion mv = layout.module();
            StoredFile stored;
            try (InputStream content = next.get().content()) {
                stored = tx.put(mv, layout.kind(), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (layout.kind() == LayoutPath.Kind.ZIP) {
                try {
                    stored = tx.verifyZip(mv);
                } catch (ModuleZipException e) {
                    // The report names entries; the exception's own message names the staging file, which means nothing here.
                    String why = e.report().flatMap(r -> r.error()).orElse(e.getMessage());
                    throw new ImportException(ImportException.Problem.ZIP_RULES, bundleName + ": " + row.path()
                            + " is not a valid module zip for " + mv + ": " + why,
                            "nothing was imported; the bundle holds a zip the go command would refuse: export it again "
                                    + "from a trusted source", e);
                }
            }
            if (row.h1() != null && stored.h1() != null && !row.h1().equals(stored.h1())) {
                throw new ImportException(ImportException.Problem.HASH_MISMATCH, bundleName + ": " + row.path()
                        + " has h1 hash " + stored.h1() + ", but the manifest says " + row.h1(),
                        "nothing was imported; do not use this bundle");
            }
            staged.add(stored);
            listener.checked(row);
        }
        if (skipped > 0) {
            listener.notice(skipped + " version list or @latest file(s) in " + bundleName + " were checked but not "
                    + "imported: the mirror derives its version lists from the module files it holds");
        }
        return staged;
    }
}
