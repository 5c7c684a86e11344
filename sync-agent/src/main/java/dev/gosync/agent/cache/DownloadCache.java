package dev.gosync.agent.cache;

import dev.gosync.agent.checksum.ChecksumVerifier;
import dev.gosync.agent.proxy.RetryPolicy;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.FileStamp;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.store.RevInfo;
import dev.gosync.gomod.store.Sha256;
import dev.gosync.gomod.zip.ModuleZips;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A {@link LayoutStore} used as a read-through cache in front of a module source.
 *
 * <p>Per-version files ({@code .info}, {@code .mod}, {@code .zip}) are served from the store and
 * fetched from the source only when missing; version lists, {@code @latest} and queries always go
 * to the source, since they change. Every file is checked once per cache object before it is
 * handed out, whether it was just downloaded or found on disk: a zip must follow the module zip
 * rules, a {@code .info} must be revision info for its version, and the h1 of a {@code .mod} or
 * {@code .zip} must satisfy the {@link ChecksumVerifier}. A downloaded file that fails a check
 * never enters the store. A zip found on disk whose SHA-256 is the one recorded when it was
 * checked is not inflated again: its h1 comes from the record (see {@link CheckRecords}).
 *
 * <p>Downloads are committed to the store in the background, many to a transaction
 * ({@link GroupCommit}); {@link #flush()} waits for them. An interrupted run keeps every file
 * committed, and the next run fetches only the rest. Until committed, a file's content is served
 * from memory ({@code .info}, {@code .mod}) or after waiting for its commit ({@code .zip}).
 * Downloads run in parallel: a zip streams into a private spool file first, is checked there, and
 * is moved into the store by a rename, which is all that takes the store's writer lock. A zip
 * whose stream breaks midway is fetched again from the start, as often as the retry policy
 * allows. Thread-safe; a file asked for by several threads at once is fetched once.
 */
public final class DownloadCache implements ModuleSource {
    /** Partial downloads; a name no module path can start with, so the layout never sees it. */
    private static final String SPOOL_DIR = ".download";
    /** Spool files this old belong to a run that was killed; younger ones may be another run's, in progress. */
    private static final Duration STALE_SPOOL = Duration.ofDays(1);
    private static final int BUFFER = 1 << 16;

    private final LayoutStore store;
    private final ModuleSource upstream;
    private final ChecksumVerifier verifier;
    private final RetryPolicy retry;
    private final DownloadListener listener;
    private final Path spool;
    private final CheckRecords records;
    private final GroupCommit commits;
    private final ConcurrentMap<String, CompletableFuture<CachedFile>> files = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Uncommitted> uncommitted = new ConcurrentHashMap<>();
    private final AtomicLong checkNanos = new AtomicLong();
    /** Zips by layout path: their stamp just before their SHA-256 was computed; see {@link #open(CachedFile)}. */
    private final ConcurrentMap<String, FileStamp> digestedZips = new ConcurrentHashMap<>();

    private DownloadCache(LayoutStore store, ModuleSource upstream, ChecksumVerifier verifier, RetryPolicy retry,
                          DownloadListener listener, Path spool) {
        this.store = store;
        this.upstream = upstream;
        this.verifier = verifier;
        this.retry = retry;
        this.listener = listener;
        this.spool = spool;
        this.records = new CheckRecords(store.root());
        this.commits = new GroupCommit(store, spool);
    }

    /**
     * The cache in directory {@code root} (created when missing) in front of {@code upstream}.
     *
     * @param verifier checks the h1 of every {@code .mod} and {@code .zip} handed out
     * @param retry    how often a zip whose stream breaks midway is fetched again
     * @param listener hears of downloads, from the fetching threads
     * @throws dev.gosync.gomod.store.StoreException if the directory cannot be created
     * @throws DownloadException if its spool directory cannot be prepared
     */
    public static DownloadCache open(Path root, ModuleSource upstream, ChecksumVerifier verifier, RetryPolicy retry,
                                     DownloadListener listener) {
        LayoutStore store = LayoutStore.create(root);
        Path spool = store.root().resolve(SPOOL_DIR);
        try {
            Files.createDirectories(spool);
            removeStaleSpoolFiles(spool);
        } catch (IOException e) {
            throw new DownloadException("cannot prepare the download cache " + store.root() + ": " + e,
                    "check the permissions of the cache directory, or choose another with --cache", e);
        }
        return new DownloadCache(store, upstream, verifier, retry, listener, spool);
    }

    public Path root() {
        return store.root();
    }

    /**
     * A directory of the cache for a run's own temporary files, outside the layout; files left
     * there by a killed run are removed by a later one once they are a day old.
     */
    public Path scratchDir() {
        return spool;
    }

    /** Whether the store holds the file, checked or not; never fetches. */
    public boolean has(ModuleVersion module, LayoutPath.Kind kind) {
        return store.has(module, kind);
    }

    /** Where the store keeps the file (whether or not it is there yet). */
    public Path path(ModuleVersion module, LayoutPath.Kind kind) {
        return store.path(module, kind);
    }

    /**
     * The file of {@code kind} for {@code module}, fetched when the store lacks it, and checked.
     *
     * @throws dev.gosync.gomod.store.ModuleNotFoundException when the source does not have it
     * @throws dev.gosync.agent.checksum.ChecksumMismatchException when its h1 is not the recorded one
     * @throws dev.gosync.gomod.zip.ModuleZipException when a zip breaks the module zip rules
     * @throws dev.gosync.gomod.GosyncException when it cannot be fetched or stored
     */
    public CachedFile get(ModuleVersion module, LayoutPath.Kind kind) {
        String relativePath = new LayoutPath(kind, module.path(), module.version()).relativePath();
        CompletableFuture<CachedFile> mine = new CompletableFuture<>();
        CompletableFuture<CachedFile> earlier = files.putIfAbsent(relativePath, mine);
        CachedFile file = earlier != null ? await(earlier) : obtainOnce(module, kind, relativePath, mine);
        listener.ready(file);
        return file;
    }

    private CachedFile obtainOnce(ModuleVersion module, LayoutPath.Kind kind, String relativePath,
                                  CompletableFuture<CachedFile> mine) {
        try {
            CachedFile file = obtain(module, kind, relativePath);
            mine.complete(file);
            return file;
        } catch (RuntimeException e) {
            // A later call may try again (the user may have fixed the network); waiting ones see this failure.
            files.remove(relativePath, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Time spent hashing and checking files, summed over all threads. */
    public Duration checkTime() {
        return Duration.ofNanos(checkNanos.get());
    }

    @Override
    public List<String> versions(String modulePath) {
        return upstream.versions(modulePath);
    }

    /**
     * Waits until every file fetched so far is in the store, under its layout path.
     *
     * @throws dev.gosync.gomod.GosyncException the first failure to store a file
     */
    public void flush() {
        commits.flush();
    }

    @Override
    public RevInfo info(ModuleVersion version) {
        CachedFile file = get(version, LayoutPath.Kind.INFO);
        Uncommitted pending = uncommitted.get(file.relativePath());
        return pending != null ? RevInfo.parse(pending.bytes(), version + ": " + file.relativePath())
                : store.info(version);
    }

    @Override
    public RevInfo query(String modulePath, String query) {
        return upstream.query(modulePath, query);
    }

    @Override
    public Optional<RevInfo> latest(String modulePath) {
        return upstream.latest(modulePath);
    }

    @Override
    public InputStream goMod(ModuleVersion version) {
        CachedFile file = get(version, LayoutPath.Kind.MOD);
        Uncommitted pending = uncommitted.get(file.relativePath());
        return pending != null ? new ByteArrayInputStream(pending.bytes()) : store.goMod(version);
    }

    @Override
    public InputStream zip(ModuleVersion version) {
        CachedFile file = get(version, LayoutPath.Kind.ZIP);
        Uncommitted pending = uncommitted.get(file.relativePath());
        if (pending != null) {
            await(pending.done());
        }
        return store.zip(version);
    }

    /**
     * The bytes of a file {@link #get} returned, even before it is committed: small files from
     * memory, a zip from its spool file, or from the store once the rename took it there. A zip
     * comes {@link FileContent#digested() digested} when its {@link FileStamp} is the one taken
     * just before its SHA-256 was computed in this run; small files are cheap to hash again and
     * come digested only from memory.
     *
     * @throws IOException when the file cannot be opened (e.g. its commit failed)
     */
    public FileContent open(CachedFile file) throws IOException {
        Uncommitted pending = uncommitted.get(file.relativePath());
        if (pending != null && pending.bytes() != null) {
            return new FileContent(new ByteArrayInputStream(pending.bytes()), true);
        }
        InputStream in;
        Path opened = file.file();
        if (pending == null) {
            in = Files.newInputStream(opened);
        } else {
            try {
                opened = pending.spooled();
                in = Files.newInputStream(opened);
            } catch (NoSuchFileException e) {
                // Its commit is moving it (to a staging file, then into the store): wait for the end.
                await(pending.done());
                opened = file.file();
                in = Files.newInputStream(opened);
            }
        }
        FileStamp before = file.kind() == LayoutPath.Kind.ZIP ? digestedZips.get(file.relativePath()) : null;
        try {
            return new FileContent(in, before != null && before.sameAs(FileStamp.of(opened)));
        } catch (NoSuchFileException e) {
            // Moved on by its commit after opening: the stream still reads the same file, but its
            // stamp cannot be compared, so the caller hashes it.
            return new FileContent(in, false);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A file handed out but maybe not yet in the store; small files keep their bytes until it is. */
    private record Uncommitted(byte[] bytes, Path spooled, CompletableFuture<?> done) {
    }

    /** Queues the file for the store; it stays in {@link #uncommitted} until committed (or failed). */
    private void commitLater(ModuleVersion module, LayoutPath.Kind kind, String relativePath,
                             GroupCommit.Content.Written content, byte[] bytes) {
        CompletableFuture<?> done = commits.putLater(module, kind, content);
        Uncommitted pending = new Uncommitted(bytes, content.file(), done);
        uncommitted.put(relativePath, pending);
        done.whenComplete((stored, failure) -> uncommitted.remove(relativePath, pending));
    }

    /** The source behind the cache: where the files come from. */
    @Override
    public String describe() {
        return upstream.describe();
    }

    private CachedFile obtain(ModuleVersion module, LayoutPath.Kind kind, String relativePath) {
        Path file = store.path(module, kind);
        if (Files.isRegularFile(file)) {
            return checkCached(module, kind, relativePath, file);
        }
        listener.downloading(module, kind);
        return switch (kind) {
            case INFO -> {
                byte[] json = upstream.info(module).toJson();
                GroupCommit.Content.Written spooled = commits.spool(module, kind, json);
                commitLater(module, kind, relativePath, spooled, json);
                yield new CachedFile(module, kind, relativePath, file, spooled.size(), spooled.sha256(), null, true);
            }
            case MOD -> downloadGoMod(module, relativePath, file);
            case ZIP -> downloadZip(module, relativePath, file);
            default -> throw new IllegalArgumentException(kind + " is not a per-version file");
        };
    }

    private CachedFile downloadGoMod(ModuleVersion module, String relativePath, Path file) {
        byte[] goMod;
        try (InputStream in = upstream.goMod(module)) {
            goMod = in.readNBytes(ModuleZips.MAX_GO_MOD + 1);
        } catch (IOException e) {
            throw new DownloadException(module + ": reading go.mod from " + upstream.describe() + ": " + e.getMessage(),
                    "check the connection to the module source and export again", e);
        }
        listener.received(goMod.length);
        String h1 = timed(() -> DirHash.hashGoMod(goMod));
        verifier.verify(module, LayoutPath.Kind.MOD, h1, "downloaded from " + upstream.describe());
        GroupCommit.Content.Written spooled = commits.spool(module, LayoutPath.Kind.MOD, goMod);
        commitLater(module, LayoutPath.Kind.MOD, relativePath, spooled, goMod);
        return new CachedFile(module, LayoutPath.Kind.MOD, relativePath, file, spooled.size(), spooled.sha256(), h1,
                true);
    }

    /**
     * One write and one read per zip: the response streams into a spool file (hashed on the way), the zip rules and h1 are checked from it, and the store takes it in by a rename.
     */
    private CachedFile downloadZip(ModuleVersion module, String relativePath, Path file) {
        Spooled downloaded = spoolZip(module);
        String h1;
        try {
            digestedZips.put(relativePath, downloaded.stamp());
            h1 = timed(() -> ModuleZips.verify(module, downloaded.file()));
            verifier.verify(module, LayoutPath.Kind.ZIP, h1, "downloaded from " + upstream.describe());
        } catch (RuntimeException e) {
            deleteQuietly(downloaded.file());
            throw e;
        }
        commitLater(module, LayoutPath.Kind.ZIP, relativePath,
                new GroupCommit.Content.Written(downloaded.file(), downloaded.size(), downloaded.sha256()), null);
        records.write(relativePath, new CheckRecords.Record(downloaded.size(), downloaded.sha256(), h1));
        return new CachedFile(module, LayoutPath.Kind.ZIP, relativePath, file, downloaded.size(), downloaded.sha256(),
                h1, true);
    }

    /** A downloaded zip in the spool directory, complete (the store's commit syncs it). */
    private record Spooled(Path file, long size, String sha256, FileStamp stamp) {
    }

    /** Streams the zip into a new spool file, starting over when the stream breaks. */
    private Spooled spoolZip(ModuleVersion module) {
        for (int attempt = 1; ; attempt++) {
            Path target;
            try {
                // Not createTempFile: its owner-only permissions would follow the file into the store.
                target = Files.createFile(spool.resolve("zip-" + UUID.randomUUID() + ".part"));
            } catch (IOException e) {
                throw new DownloadException("cannot create a file in the download cache " + spool + ": " + e,
                        "check free space and permissions of the cache directory", e);
            }
            try (InputStream in = upstream.zip(module);
                 FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
                MessageDigest digest = Sha256.newDigest();
                OutputStream out = Channels.newOutputStream(channel);
                byte[] buffer = new byte[BUFFER];
                long size = 0;
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    size += n;
                    listener.received(n);
                }
                // Taken after the last write: any later write to the file shows as another modification time.
                return new Spooled(target, size, HexFormat.of().formatHex(digest.digest()), FileStamp.of(target));
            } catch (IOException e) {
                deleteQuietly(target);
                if (attempt >= retry.maxAttempts()) {
                    throw new DownloadException(module + ": downloading the zip from " + upstream.describe()
                            + " failed after " + attempt + " attempt(s): " + e.getMessage(),
                            "check the connection to the module source and export again; files already "
                                    + "downloaded stay in the cache", e);
                }
                pause(retry.delayAfter(attempt), module);
            } catch (RuntimeException e) {
                deleteQuietly(target);
                throw e;
            }
        }
    }

    private CachedFile checkCached(ModuleVersion module, LayoutPath.Kind kind, String relativePath, Path file) {
        if (kind == LayoutPath.Kind.ZIP) {
            return checkCachedZip(module, relativePath, file);
        }
        String origin = "the download cache " + file;
        String h1 = timed(() -> switch (kind) {
            case INFO -> {
                store.info(module);
                yield null;
            }
            case MOD -> {
                try (InputStream in = Files.newInputStream(file)) {
                    yield DirHash.hashGoMod(in);
                } catch (IOException e) {
                    throw unreadable(file, e);
                }
            }
            default -> throw new IllegalArgumentException(kind + " is not a per-version file");
        });
        if (h1 != null) {
            verifier.verify(module, kind, h1, origin);
        }
        long start = System.nanoTime();
        try {
            long size = Files.size(file);
            return new CachedFile(module, kind, relativePath, file, size, Sha256.ofFile(file), h1, false);
        } catch (IOException e) {
            throw unreadable(file, e);
        } finally {
            checkNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /**
     * A cached zip whose SHA-256 equals its {@link CheckRecords record} gets the recorded h1; any
     * other is checked in full (zip rules, h1) and recorded again. Either way the h1 must satisfy
     * the verifier.
     */
    private CachedFile checkCachedZip(ModuleVersion module, String relativePath, Path file) {
        long start = System.nanoTime();
        CheckRecords.Record checked;
        boolean recorded;
        try {
            FileStamp stamp = FileStamp.of(file);
            long size = stamp.size();
            Optional<CheckRecords.Record> record = records.read(relativePath).filter(r -> r.size() == size);
            String sha256 = Sha256.ofFile(file);
            digestedZips.put(relativePath, stamp);
            recorded = record.isPresent() && record.get().sha256().equals(sha256);
            if (recorded) {
                checked = record.get();
            } else {
                String h1 = ModuleZips.verify(module, file);
                checked = new CheckRecords.Record(size, sha256, h1);
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        } finally {
            checkNanos.addAndGet(System.nanoTime() - start);
        }
        verifier.verify(module, LayoutPath.Kind.ZIP, checked.h1(), "the download cache " + file);
        if (!recorded) {
            records.write(relativePath, checked);
        }
        return new CachedFile(module, LayoutPath.Kind.ZIP, relativePath, file, checked.size(), checked.sha256(),
                checked.h1(), false);
    }

    private <T> T timed(Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            checkNanos.addAndGet(System.nanoTime() - start);
        }
    }

    private static DownloadException unreadable(Path file, IOException e) {
        return new DownloadException("cannot read " + file + " in the download cache: " + e,
                "check the disk, or delete the file so that it is fetched again", e);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void pause(Duration delay, ModuleVersion module) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(module + ": interrupted while waiting to download the zip again",
                    "export again", new InterruptedIOException());
        }
    }

    private static void removeStaleSpoolFiles(Path spool) throws IOException {
        Instant cutoff = Instant.now().minus(STALE_SPOOL);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(spool)) {
            for (Path entry : entries) {
                if (Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A spool file left behind is removed by a later run once it is stale.
        }
    }
}
