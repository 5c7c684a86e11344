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
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Reads every file of an opened bundle into a store transaction, checking each on the way: size
 * and SHA-256 against the manifest (the reader does that while the bytes stream into the staging
 * file), revision info for {@code .info}, the h1 hash for {@code .mod} and, once staged, the
 * module zip rules and h1 for {@code .zip}. The same code serves {@code verify}, into a scratch
 * store that is thrown away, and {@code import}, into the mirror.
 *
 * <p>A zip's h1 means inflating and hashing all of its content, the costliest check by far, so
 * staged zips are verified on worker threads while the next entries stream in; the first failure
 * in manifest order is the one reported.
 */
final class BundleContent {
    /** Zips staged but not yet verified, at most: keeps their bytes likely in the page cache. */
    private static final int BACKLOG = 4;

    private final BundleReader reader;
    private final LayoutStore.Transaction tx;
    private final String bundleName;
    private final ImportListener listener;

    private BundleContent(BundleReader reader, LayoutStore.Transaction tx, String bundleName, ImportListener listener) {
        this.reader = reader;
        this.tx = tx;
        this.bundleName = bundleName;
        this.listener = listener;
    }

    /** @return the files staged, with their hashes; version lists and {@code @latest} files are skipped */
    static List<StoredFile> stage(BundleReader reader, LayoutStore.Transaction tx, String bundleName,
            ImportListener listener) {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "gosync-verify-zip");
            t.setDaemon(true);
            return t;
        });
        try {
            return new BundleContent(reader, tx, bundleName, listener).run(pool);
        } finally {
            pool.shutdownNow();
            // A verification still reading a staged zip ends before the transaction deletes it.
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A staged file and, for a zip, its verification in progress. */
    private record Pending(FileRow row, StoredFile stored, Future<StoredFile> zip) {
    }

    private List<StoredFile> run(ExecutorService pool) {
        List<Pending> pending = new ArrayList<>();
        Semaphore backlog = new Semaphore(BACKLOG);
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
                // The entry stream fails at its end unless its bytes have the row's SHA-256: no second hash.
                stored = tx.put(mv, layout.kind(), content, row.sha256());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Future<StoredFile> zip = null;
            if (layout.kind() == LayoutPath.Kind.ZIP) {
                acquire(backlog);
                zip = CompletableFuture.supplyAsync(() -> {
                    try {
                        return tx.verifyZip(mv);
                    } finally {
                        backlog.release();
                    }
                }, pool);
            } else {
                checkH1(row, stored);
                listener.checked(row);
            }
            pending.add(new Pending(row, stored, zip));
            failFast(pending);
        }
        List<StoredFile> staged = new ArrayList<>();
        for (Pending p : pending) {
            if (p.zip() == null) {
                staged.add(p.stored());
            } else {
                StoredFile verified = await(p);
                checkH1(p.row(), verified);
                listener.checked(p.row());
                staged.add(verified);
            }
        }
        if (skipped > 0) {
            listener.notice(skipped + " version list or @latest file(s) in " + bundleName + " were checked but not "
                    + "imported: the mirror derives its version lists from the module files it holds");
        }
        return staged;
    }

    /** Reports a failed zip verification as soon as one is seen, rather than after reading the whole bundle. */
    private void failFast(List<Pending> pending) {
        for (Pending p : pending) {
            if (p.zip() != null && p.zip().isDone()) {
                CompletableFuture<StoredFile> f = (CompletableFuture<StoredFile>) p.zip();
                if (f.isCompletedExceptionally()) {
                    await(p);
                }
            }
        }
    }

    private StoredFile await(Pending p) {
        try {
            return p.zip().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while verifying " + p.row().path()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof ModuleZipException z) {
                // The report names entries; the exception's own message names the staging file, meaningless here.
                String why = z.report().flatMap(r -> r.error()).orElse(z.getMessage());
                throw new ImportException(ImportException.Problem.ZIP_RULES, bundleName + ": " + p.row().path()
                        + " is not a valid module zip for " + ProxyLayout.parse(p.row().path()).module() + ": " + why,
                        "nothing was imported; the bundle holds a zip the go command would refuse: export it again "
                                + "from a trusted source", z);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("verifying " + p.row().path() + " failed", cause);
        }
    }

    private void checkH1(FileRow row, StoredFile stored) {
        if (row.h1() != null && stored.h1() != null && !row.h1().equals(stored.h1())) {
            throw new ImportException(ImportException.Problem.HASH_MISMATCH, bundleName + ": " + row.path()
                    + " has h1 hash " + stored.h1() + ", but the manifest says " + row.h1(),
                    "nothing was imported; do not use this bundle");
        }
    }

    private static void acquire(Semaphore backlog) {
        try {
            backlog.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while importing"));
        }
    }
}
