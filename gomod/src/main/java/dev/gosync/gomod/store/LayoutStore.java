package dev.gosync.gomod.store;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.Escaping;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.semver.InvalidVersionException;
import dev.gosync.gomod.semver.Semver;
import dev.gosync.gomod.zip.ModuleZips;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A directory in GOPROXY file layout, the layout of {@code $GOMODCACHE/cache/download}: the
 * connected side's download cache and the isolated side's mirror. Any static file server, or the
 * go command itself through {@code GOPROXY=file://<root>}, can serve it as it is.
 *
 * <p>Writes go through a {@link Transaction}: files are staged in the store's internal directory
 * {@code .gosync} (a name no module path can start with) and renamed into place on commit, so a
 * reader never sees a partial file and needs no lock. One writer at a time, across processes.
 * Stored files never change: other bytes for a stored file are refused as a conflict. Each
 * module's {@code @v/list} is derived from its {@code .mod} files after every commit.
 */
public final class LayoutStore implements ModuleSource {
    private static final String INTERNAL_DIR = ".gosync";
    private static final String LOCK_FILE = "lock";
    private static final String VERSIONS_DIR = "@v";
    private static final String LATEST_FILE = "@latest";
    /** Commit order: a reader that can see a version's .info (the go command asks for it first) can also get the rest. */
    private static final List<LayoutPath.Kind> PUBLISH_ORDER =
            List.of(LayoutPath.Kind.ZIP, LayoutPath.Kind.MOD, LayoutPath.Kind.INFO);

    private final Path root;

    private LayoutStore(Path root) {
        this.root = root;
    }

    /**
     * The store in the existing directory root.
     *
     * @throws StoreException if root is not a directory
     */
    public static LayoutStore open(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new StoreException("module store " + absolute + " is not a directory",
                    "check the path, or create the store first", null);
        }
        return new LayoutStore(absolute);
    }

    /**
     * The store in root, creating the directory (and its parents) when missing.
     *
     * @throws StoreException if the directory cannot be created
     */
    public static LayoutStore create(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new StoreException("module store " + absolute + " is a file, not a directory",
                    "give a directory (a new one is created)", null);
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new StoreException("cannot create module store " + absolute + ": " + e,
                    "check the path and permissions", e);
        }
        return new LayoutStore(absolute);
    }

    public Path root() {
        return root;
    }

    /**
     * Starts a transaction, waiting while another writer (thread or process) holds the store.
     * First finishes or discards what crashed transactions left behind.
     *
     * @throws StoreException if the store cannot be locked or cleaned up
     */
    public Transaction begin() {
        Path internal = root.resolve(INTERNAL_DIR);
        StoreLock lock;
        try {
            Files.createDirectories(internal);
            lock = StoreLock.acquire(internal.resolve(LOCK_FILE));
        } catch (IOException e) {
            throw new StoreException("cannot lock module store " + root + ": " + e, "check the permissions", e);
        }
        try {
            StagingArea.recover(root, internal);
            return new Transaction(lock, StagingArea.create(internal));
        } catch (IOException e) {
            closeQuietly(lock, e);
            throw new StoreException("cannot start a transaction on module store " + root + ": " + e,
                    "check the disk and the permissions of " + internal, e);
        } catch (RuntimeException e) {
            closeQuietly(lock, e);
            throw e;
        }
    }

    /** Whether the store holds the file of kind for mv. */
    public boolean has(ModuleVersion mv, LayoutPath.Kind kind) {
        return Files.isRegularFile(path(mv, kind));
    }

    /**
     * Where the file of kind for mv is (or would be); for {@code LIST} and {@code LATEST} the
     * version must be "".
     *
     * @throws dev.gosync.gomod.GosyncException if the module path or version is invalid
     */
    public Path path(ModuleVersion mv, LayoutPath.Kind kind) {
        return root.resolve(new LayoutPath(kind, mv.path(), mv.version()).relativePath());
    }

    /**
     * Every module with at least one {@code .info}, {@code .mod} or {@code .zip} file, mapped to
     * those versions: paths in byte order, versions in semantic-version order. Unlike
     * {@code @v/list}, versions with upper-case letters are included. Files that are not layout
     * files (such as the go command's {@code .lock} and {@code .ziphash}) are ignored.
     *
     * @throws StoreException if the directory tree cannot be read
     */
    public SortedMap<String, List<String>> modules() {
        SortedMap<String, SortedSet<String>> found = new TreeMap<>(GoStrings.BYTE_ORDER);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    String name = dir.equals(root) ? "" : dir.getFileName().toString();
                    if (name.startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (name.equals(VERSIONS_DIR)) {
                        collectVersions(dir, found);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new StoreException("cannot read module store " + root + ": " + e, "check the permissions", e);
        }
        SortedMap<String, List<String>> modules = new TreeMap<>(GoStrings.BYTE_ORDER);
        found.forEach((path, versions) -> modules.put(path, List.copyOf(versions)));
        return modules;
    }

    /**
     * The versions {@code @v/list} holds for the module, derived from its {@code .mod} files (see
     * the class comment); includes pseudo-versions, leaves out versions with upper-case letters.
     *
     * @throws ModuleNotFoundException if the store has no {@code .mod} file of the module
     */
    @Override
    public List<String> versions(String modulePath) {
        Path versionsDir = root.resolve(Escaping.escapePath(modulePath)).resolve(VERSIONS_DIR);
        List<String> versions;
        try {
            versions = VersionList.read(versionsDir);
        } catch (IOException e) {
            throw unreadable(versionsDir, e);
        }
        if (versions == null) {
            throw new ModuleNotFoundException(modulePath + ": module not found in " + describe()
                    + ": no .mod file in " + root.relativize(versionsDir));
        }
        return versions;
    }

    /**
     * @throws ModuleNotFoundException if the store has no {@code .info} for mv
     * @throws InvalidInfoException    if the stored {@code .info} is unreadable or names another version
     */
    @Override
    public RevInfo info(ModuleVersion mv) {
        Path file = path(mv, LayoutPath.Kind.INFO);
        byte[] json;
        try (InputStream in = open(mv, LayoutPath.Kind.INFO)) {
            json = in.readNBytes(RevInfo.MAX_BYTES + 1);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        RevInfo info = RevInfo.parse(json, mv + ": " + file);
        if (!info.version().equals(mv.version())) {
            throw new InvalidInfoException(mv + ": " + file + " is for version " + GoStrings.quote(info.version()),
                    "the store is damaged; remove the file and import the module again");
        }
        return info;
    }

    /**
     * Answers only queries that are canonical versions of the module, with their {@code .info}: a
     * directory cannot resolve branches, commit hashes or version prefixes.
     *
     * @throws ModuleNotFoundException for any other query, or a version not stored
     */
    @Override
    public RevInfo query(String modulePath, String query) {
        ModuleVersion mv = new ModuleVersion(modulePath, query);
        try {
            ModulePath.check(modulePath, query);
        } catch (InvalidVersionException e) {
            throw notResolvable(mv);
        }
        if (!ModulePath.canonicalVersion(query).equals(query)) {
            throw notResolvable(mv);
        }
        return info(mv);
    }

    /**
     * The {@code @latest} file of the module, if the store has one (it is optional in the GOPROXY
     * protocol, and transactions never write it).
     */
    @Override
    public Optional<RevInfo> latest(String modulePath) {
        Path file = root.resolve(Escaping.escapePath(modulePath)).resolve(LATEST_FILE);
        byte[] json;
        try (InputStream in = Files.newInputStream(file)) {
            json = in.readNBytes(RevInfo.MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return Optional.of(RevInfo.parse(json, modulePath + ": " + file));
    }

    /** @throws ModuleNotFoundException if the store has no {@code .mod} for mv */
    @Override
    public InputStream goMod(ModuleVersion mv) {
        return open(mv, LayoutPath.Kind.MOD);
    }

    /** @throws ModuleNotFoundException if the store has no {@code .zip} for mv */
    @Override
    public InputStream zip(ModuleVersion mv) {
        return open(mv, LayoutPath.Kind.ZIP);
    }

    /** The store as a GOPROXY entry: {@code file:///…}. */
    @Override
    public String describe() {
        return root.toUri().toString();
    }

    private InputStream open(ModuleVersion mv, LayoutPath.Kind kind) {
        Path file = path(mv, kind);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ModuleNotFoundException(mv + ": not found in " + describe() + ": no file "
                    + root.relativize(file));
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private void collectVersions(Path versionsDir, SortedMap<String, SortedSet<String>> found) throws IOException {
        String prefix = root.relativize(versionsDir).toString().replace(versionsDir.getFileSystem().getSeparator(), "/");
        try (var files = Files.newDirectoryStream(versionsDir)) {
            for (Path file : files) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    LayoutPath layout = ProxyLayout.parse(prefix + "/" + file.getFileName());
                    if (layout.kind().perVersion()) {
                        found.computeIfAbsent(layout.path(), p -> new TreeSet<>(Semver.ORDER)).add(layout.version());
                    }
                } catch (ProxyLayout.InvalidLayoutPathException e) {
                    // Not a layout file: the version list, or a helper file of the go command.
                }
            }
        }
    }

    private ModuleNotFoundException notResolvable(ModuleVersion mv) {
        return new ModuleNotFoundException(mv + ": not found in " + describe()
                + ": a module directory answers canonical versions only");
    }

    private StoreException unreadable(Path file, IOException e) {
        return new StoreException("cannot read " + file + ": " + e, "check the permissions and the disk", e);
    }

    private static void closeQuietly(StoreLock lock, Exception failure) {
        try {
            lock.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static long limit(LayoutPath.Kind kind) {
        return switch (kind) {
            case INFO -> RevInfo.MAX_BYTES;
            case MOD -> ModuleZips.MAX_GO_MOD;
            default -> ModuleZips.MAX_ZIP_FILE;
        };
    }

    /**
     * One write to the store. Put files, then {@link #commit()}; closing without a commit discards
     * them. Holds the store's lock until committed, aborted or closed. Not thread-safe, except
     * for {@link #verifyZip}.
     */
    public final class Transaction implements ModuleSink {
        private final StoreLock lock;
        private final StagingArea staging;
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private boolean finished;

        private record Entry(LayoutPath.Kind kind, StagingArea.Staged staged, StoredFile stored) {
        }

        private Transaction(StoreLock lock, StagingArea staging) {
            this.lock = lock;
            this.staging = staging;
        }

        /**
         * Stages one file, hashing it while it streams in. A {@code .info} must be revision info
         * for exactly this version; a {@code .mod} gets its h1. Putting the same file again in one
         * transaction is a no-op with the same bytes and a conflict with others. A failed put
         * stages nothing and leaves the transaction usable.
         *
         * @throws IllegalArgumentException if kind is {@code LIST} or {@code LATEST}
         * @throws StoreException           if the content is larger than the go command accepts
         *                                  (.info 1 MiB, .mod 16 MiB, .zip 500 MiB) or cannot be
         *                                  read or staged
         * @throws InvalidInfoException     if a {@code .info} is not revision info for mv
         * @throws dev.gosync.gomod.GosyncException if mv is not a valid module path and canonical version
         */
        @Override
        public StoredFile put(ModuleVersion mv, LayoutPath.Kind kind, InputStream content) {
            return put(mv, kind, content, null);
        }

        /**
         * Like {@link #put(ModuleVersion, LayoutPath.Kind, InputStream)}, for content that checks
         * itself: a stream that throws instead of ending when its bytes do not have SHA-256
         * {@code sha256} (a verified bundle entry). The store records that hash instead of
         * computing it a second time.
         *
         * @param sha256 the content's SHA-256 in lower-case hex, vouched for by the stream
         */
        public StoredFile put(ModuleVersion mv, LayoutPath.Kind kind, InputStream content, String sha256) {
            requireOpen();
            if (!kind.perVersion()) {
                throw new IllegalArgumentException(kind + " is not a per-version file; only INFO, MOD and ZIP can be put");
            }
            String relativePath = new LayoutPath(kind, mv.path(), mv.version()).relativePath();
            StagingArea.Staged staged;
            try {
                staged = staging.stage(content, limit(kind), mv + " " + kind.suffix(), sha256);
            } catch (IOException e) {
                throw new StoreException("cannot store " + relativePath + " in " + root + ": " + e,
                        "check the source and the disk", e);
            }
            return accept(mv, kind, relativePath, staged);
        }

        /**
         * Stages a file the caller has already written completely, by moving it (it must be on the
         * store's file system, e.g. in a directory under {@link #root()} whose name starts with a
         * dot) instead of copying it: for large downloads, which would otherwise be written twice.
         * The commit syncs it, together with the other files adopted. The caller vouches for size
         * and sha256, computed while it wrote the file; otherwise as {@link #put}. On failure the
         * file is gone or where it was.
         *
         * @throws StoreException as {@link #put}, and if the file cannot be moved
         */
        public StoredFile adopt(ModuleVersion mv, LayoutPath.Kind kind, Path file, long size, String sha256) {
            requireOpen();
            if (!kind.perVersion()) {
                throw new IllegalArgumentException(kind + " is not a per-version file; only INFO, MOD and ZIP can be put");
            }
            String relativePath = new LayoutPath(kind, mv.path(), mv.version()).relativePath();
            StagingArea.Staged staged;
            try {
                staged = staging.adopt(file, size, sha256, limit(kind), mv + " " + kind.suffix());
            } catch (IOException e) {
                throw new StoreException("cannot store " + relativePath + " in " + root + ": " + e,
                        "check the disk", e);
            }
            return accept(mv, kind, relativePath, staged);
        }

        private StoredFile accept(ModuleVersion mv, LayoutPath.Kind kind, String relativePath,
                                  StagingArea.Staged staged) {
            try {
                if (kind == LayoutPath.Kind.INFO) {
                    checkInfo(mv, staged.file());
                }
                String h1 = kind == LayoutPath.Kind.MOD ? hashGoMod(staged.file()) : null;
                StoredFile stored = new StoredFile(relativePath, staged.size(), staged.sha256(), h1);
                Entry earlier;
                synchronized (entries) {
                    earlier = entries.get(relativePath);
                    if (earlier == null) {
                        entries.put(relativePath, new Entry(kind, staged, stored));
                        return stored;
                    }
                }
                Files.delete(staged.file());
                if (!earlier.stored().sha256().equals(stored.sha256())) {
                    throw new StoreConflictException("this transaction", List.of(new StoreConflictException.Conflict(
                            relativePath, earlier.stored().sha256(), stored.sha256())));
                }
                return earlier.stored();
            } catch (IOException e) {
                StoreException failure = new StoreException("cannot store " + relativePath + " in " + root + ": " + e,
                        "check the disk", e);
                deleteStaged(staged.file(), failure);
                throw failure;
            } catch (RuntimeException e) {
                deleteStaged(staged.file(), e);
                throw e;
            }
        }

        /**
         * Computes the h1 hash of a zip put in this transaction from its staged bytes.
         *
         * @return the zip's stored-file record, now with its h1
         * @throws IllegalStateException if no zip of mv was put
         * @throws dev.gosync.gomod.dirhash.DirHashException if the zip cannot be read as a zip
         */
        public StoredFile hashZip(ModuleVersion mv) {
            requireOpen();
            String relativePath = ProxyLayout.zip(mv);
            Entry entry = entries.get(relativePath);
            if (entry == null) {
                throw new IllegalStateException("no zip of " + mv + " was put in this transaction");
            }
            StoredFile stored = entry.stored();
            if (stored.h1() == null) {
                stored = new StoredFile(relativePath, stored.size(), stored.sha256(), DirHash.hashZip(entry.staged().file()));
                entries.put(relativePath, new Entry(entry.kind(), entry.staged(), stored));
            }
            return stored;
        }

        /**
         * Checks a zip put in this transaction against the module zip rules (entry names, case
         * collisions, sizes) and computes its h1 hash from its staged bytes, reading every entry.
         * Unlike the other methods, it may run on other threads while this transaction's thread
         * goes on putting files (verifying zips in parallel); all calls must return before
         * {@link #commit()}.
         *
         * @return the zip's stored-file record, now with its h1
         * @throws IllegalStateException if no zip of mv was put
         * @throws dev.gosync.gomod.zip.ModuleZipException if the zip breaks a rule or cannot be read
         */
        public StoredFile verifyZip(ModuleVersion mv) {
            String relativePath = ProxyLayout.zip(mv);
            Entry entry;
            synchronized (entries) {
                requireOpen();
                entry = entries.get(relativePath);
            }
            if (entry == null) {
                throw new IllegalStateException("no zip of " + mv + " was put in this transaction");
            }
            StoredFile stored = entry.stored();
            if (stored.h1() != null) {
                return stored;
            }
            // The expensive part (inflating and hashing every entry) runs outside the lock.
            StoredFile verified = new StoredFile(relativePath, stored.size(), stored.sha256(),
                    ModuleZips.verify(mv, entry.staged().file()));
            synchronized (entries) {
                entries.put(relativePath, new Entry(entry.kind(), entry.staged(), verified));
            }
            return verified;
        }

        /**
         * Makes every file put visible, each by an atomic rename, then rebuilds the version lists
         * of the modules given a {@code .mod}. Files already stored with the same bytes are left
         * alone. Releases the lock.
         *
         * @throws StoreConflictException if any file is already stored with other bytes: every such
         *                                file is named and nothing is written
         * @throws StoreException         if the files cannot be moved; a commit that fails after
         *                                its journal was written is finished by the next
         *                                {@link #begin()}
         */
        @Override
        public void commit() {
            requireOpen();
            finished = true;
            boolean journaled = false;
            try {
                List<StoreConflictException.Conflict> conflicts = new ArrayList<>();
                for (Entry entry : entries.values()) {
                    Path target = root.resolve(entry.stored().relativePath());
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        String stored = Sha256.ofFile(target);
                        if (!stored.equals(entry.stored().sha256())) {
                            conflicts.add(new StoreConflictException.Conflict(entry.stored().relativePath(), stored,
                                    entry.stored().sha256()));
                        }
                    }
                }
                if (!conflicts.isEmpty()) {
                    throw new StoreConflictException(describe(), conflicts);
                }
                if (!entries.isEmpty()) {
                    List<StagingArea.Move> moves = entries.values().stream()
                            .sorted(Comparator.comparingInt(e -> PUBLISH_ORDER.indexOf(e.kind())))
                            .map(e -> new StagingArea.Move(e.staged().file().getFileName().toString(),
                                    e.stored().relativePath()))
                            .toList();
                    staging.writeJournal(moves);
                    journaled = true;
                    staging.publish(root, moves);
                }
                staging.delete();
            } catch (IOException e) {
                throw new StoreException("cannot commit to module store " + root + ": " + e,
                        journaled ? "the next write to the store completes this commit; check the disk"
                                : "nothing was written; check the disk and the permissions", e);
            } finally {
                release(!journaled);
            }
        }

        /** Discards everything put and releases the lock; does nothing once committed or aborted. */
        @Override
        public void abort() {
            if (finished) {
                return;
            }
            finished = true;
            release(true);
        }

        @Override
        public void close() {
            abort();
        }

        private void checkInfo(ModuleVersion mv, Path staged) throws IOException {
            RevInfo info = RevInfo.parse(Files.readAllBytes(staged), mv + " .info");
            if (!info.version().equals(mv.version())) {
                throw new InvalidInfoException(mv + " .info: revision info is for version "
                        + GoStrings.quote(info.version()), "put the .info of the version it is stored under");
            }
        }

        private String hashGoMod(Path staged) throws IOException {
            try (InputStream in = Files.newInputStream(staged)) {
                return DirHash.hashGoMod(in);
            }
        }

        /** Releases the lock, first deleting the staging area when asked (a best effort: the next begin() retries). */
        private void release(boolean deleteStaging) {
            try {
                if (deleteStaging) {
                    staging.delete();
                }
            } catch (IOException e) {
                // The next begin() removes what is left, under the lock.
            } finally {
                try {
                    lock.close();
                } catch (IOException e) {
                    // Closing the lock file cannot lose data; the OS drops the lock with the descriptor.
                }
            }
        }

        private void requireOpen() {
            if (finished) {
                throw new IllegalStateException("the transaction on " + root + " is already committed or aborted");
            }
        }

        private void deleteStaged(Path file, RuntimeException failure) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
