package dev.gosync.serve.mirror;

import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.Sha256;
import dev.gosync.gomod.store.StoreException;
import dev.gosync.gomod.store.StoreLock;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A mirror: a directory in GOPROXY file layout ({@link LayoutStore}) that any static file server,
 * {@code gosync serve} or the go command ({@code GOPROXY=file://...}) can serve as it is, plus
 * gosync's own directory {@value #INTERNAL_DIR} (a name no module path can start with) holding
 *
 * <ul>
 *   <li>{@value #INDEX_FILE}: the {@link MirrorIndex}, audit log included;</li>
 *   <li>{@value #IMPORT_LOCK}: held by the one import running at a time;</li>
 *   <li>{@code lock} and {@code tx-*}: the layout store's own lock and staging directories.</li>
 * </ul>
 */
public final class Mirror implements Closeable {
    public static final String INTERNAL_DIR = ".gosync";
    public static final String INDEX_FILE = "index.db";
    public static final String IMPORT_LOCK = "import.lock";

    private final LayoutStore store;
    private final MirrorIndex index;

    private Mirror(LayoutStore store, MirrorIndex index) {
        this.store = store;
        this.index = index;
    }

    /**
     * The mirror in directory {@code root}, creating the directory when {@code create} is set.
     *
     * @throws StoreException when root is not a directory (and is not to be created) or cannot be set up
     */
    public static Mirror open(Path root, boolean create) {
        LayoutStore store = create ? LayoutStore.create(root) : LayoutStore.open(root);
        Path internal = store.root().resolve(INTERNAL_DIR);
        try {
            Files.createDirectories(internal);
        } catch (IOException e) {
            throw new StoreException("cannot set up mirror " + store.root() + ": " + e, "check the permissions", e);
        }
        return new Mirror(store, MirrorIndex.open(internal.resolve(INDEX_FILE)));
    }

    /**
     * An existing mirror, opened for reading only (nothing in it is created or changed).
     *
     * @throws GosyncException when root is not a mirror: it has no {@code .gosync/index.db}
     */
    public static Mirror openReadOnly(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        Path index = absolute.resolve(INTERNAL_DIR).resolve(INDEX_FILE);
        if (!Files.isRegularFile(index)) {
            throw new dev.gosync.gomod.GosyncException("there is no gosync mirror at " + absolute + " (no "
                    + INTERNAL_DIR + "/" + INDEX_FILE + ")", "name the directory given to gosync import --into");
        }
        return new Mirror(LayoutStore.open(absolute), MirrorIndex.openReadOnly(index));
    }

    /** An existing mirror, opened without writing anything but its index's setup. */
    public static Mirror open(Path root) {
        return open(root, false);
    }

    public Path root() {
        return store.root();
    }

    public LayoutStore store() {
        return store;
    }

    public MirrorIndex index() {
        return index;
    }

    /**
     * Takes the mirror's import lock, waiting for another import (in any process) to finish, and
     * then brings the mirror to a consistent state: what an interrupted import published is
     * completed, in files and index, and what it had not is discarded.
     *
     * @param waiting told once when the lock is busy, before waiting
     */
    public ImportLock lockForImport(Runnable waiting, Clock clock, String operator) {
        Path lockFile = root().resolve(INTERNAL_DIR).resolve(IMPORT_LOCK);
        StoreLock lock;
        try {
            lock = StoreLock.tryAcquire(lockFile);
            if (lock == null) {
                waiting.run();
                lock = StoreLock.acquire(lockFile);
            }
        } catch (IOException e) {
            throw new StoreException("cannot lock mirror " + root() + ": " + e, "check the permissions of " + lockFile, e);
        }
        ImportLock held = new ImportLock(lock);
        try {
            recover(clock, operator);
            return held;
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
    }

    /** Finishes or discards what interrupted imports left; call with the import lock held. */
    private void recover(Clock clock, String operator) {
        // Beginning a store transaction finishes the store's own journaled commits first.
        store.begin().abort();
        for (String id : index.publishing()) {
            String missing = firstMissing(id);
            if (missing == null) {
                index.complete(id, clock.instant(), operator, AuditEvent.RECOVERED);
            } else {
                index.discard(id, clock.instant(), operator, "an interrupted import of this bundle published "
                        + "nothing (" + missing + "); import the bundle again");
            }
        }
    }

    /** The first file of a publishing bundle that is not in the mirror with its recorded bytes, or null. */
    private String firstMissing(String bundleId) {
        for (IndexedFile f : index.bundleFiles(bundleId)) {
            Path file = root().resolve(f.path());
            try {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != f.size()
                        || !Sha256.ofFile(file).equals(f.sha256())) {
                    return f.path() + " is not there";
                }
            } catch (IOException e) {
                return f.path() + " cannot be read: " + e;
            }
        }
        return null;
    }

    @Override
    public void close() {
        index.close();
    }

    /** The import lock of a mirror, released on close. */
    public static final class ImportLock implements AutoCloseable {
        private final StoreLock lock;

        private ImportLock(StoreLock lock) {
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.close();
            } catch (IOException e) {
                // Closing the lock file cannot lose data; the OS drops the lock with the descriptor.
            }
        }
    }
}
