package dev.gosync.agent.cache;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.StoredFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Puts files into the store for many threads, in the background and in as few transactions as
 * possible. A store transaction costs the same syncs, renames and lock whether it holds one file
 * or a hundred, and only one runs at a time; so files are queued and one committer thread takes
 * in everything queued since its last commit. The threads that download go on meanwhile: resolving
 * a module graph waits for the network, not for the disk. {@link #flush()} waits until every
 * file queued so far is in the store.
 *
 * <p>Bytes are first written to a spool file by the calling thread (so a full disk is reported to
 * it); the transaction moves the files in and syncs them all at once. A run that stops before its files are
 * committed loses only those, which the next run fetches again.
 */
final class GroupCommit {
    /** What to store: bytes in memory, or a complete file to move in (see {@link LayoutStore.Transaction#adopt}). */
    sealed interface Content {
        record Bytes(byte[] bytes) implements Content {
        }

        record Written(Path file, long size, String sha256) implements Content {
        }
    }

    private record Pending(ModuleVersion module, LayoutPath.Kind kind, Content.Written content,
                           CompletableFuture<StoredFile> done) {
    }

    private final LayoutStore store;
    private final Path spool;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
    /** One thread, which ends when idle: commits run one after the other, in queue order. */
    private final ExecutorService committer = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "gosync-cache-commit");
                t.setDaemon(true);
                return t;
            });

    /** Commits to store; spool is a directory on the store's file system for the bytes to move in. */
    GroupCommit(LayoutStore store, Path spool) {
        this.store = store;
        this.spool = spool;
    }

    /**
     * Queues the file for the next commit; a {@code Written} file is moved into the store (and is
     * gone from its place either way once the commit has run).
     *
     * @return completes with the stored file once committed, or with what the store threw for it;
     *     when a commit itself fails (a conflict, the disk) every file of the group fails with it
     * @throws DownloadException if bytes cannot be written to the spool directory
     */
    CompletableFuture<StoredFile> putLater(ModuleVersion module, LayoutPath.Kind kind, Content content) {
        Content.Written written = content instanceof Content.Bytes b ? spool(module, kind, b.bytes())
                : (Content.Written) content;
        Pending pending = new Pending(module, kind, written, new CompletableFuture<>());
        queue.add(pending);
        committer.execute(this::commitQueued);
        return pending.done();
    }

    /** Stores the file and waits until it is committed; as {@link #putLater}. */
    StoredFile put(ModuleVersion module, LayoutPath.Kind kind, Content content) {
        try {
            return putLater(module, kind, content).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Waits until every file queued before the call is committed or has failed.
     *
     * @throws RuntimeException the first failure of any commit so far
     */
    void flush() {
        try {
            committer.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("interrupted while storing downloads in the cache", "export again",
                    new InterruptedIOException());
        } catch (ExecutionException e) {
            throw new IllegalStateException("an empty task failed", e);
        }
        RuntimeException failure = firstFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    /** Commits everything queued; runs on the committer thread only. */
    private void commitQueued() {
        List<Pending> group = new ArrayList<>();
        for (Pending p; (p = queue.poll()) != null; ) {
            group.add(p);
        }
        if (group.isEmpty()) {
            return;
        }
        Map<Pending, StoredFile> staged = new LinkedHashMap<>();
        try (LayoutStore.Transaction tx = store.begin()) {
            for (Pending p : group) {
                try {
                    staged.put(p, tx.adopt(p.module(), p.kind(), p.content().file(), p.content().size(),
                            p.content().sha256()));
                } catch (RuntimeException e) {
                    // A put that fails stages nothing; the others go on.
                    fail(p, e);
                }
            }
            tx.commit();
            staged.forEach((p, stored) -> p.done().complete(stored));
        } catch (RuntimeException e) {
            group.forEach(p -> fail(p, e));
        } finally {
            // Only an Error gets here with files unfinished; their waiters must not wait forever.
            group.forEach(p -> fail(p, new IllegalStateException("the store commit stopped")));
            group.forEach(p -> deleteQuietly(p.content().file()));
        }
    }

    private void fail(Pending p, RuntimeException e) {
        if (p.done().completeExceptionally(e)) {
            firstFailure.compareAndSet(null, e);
        }
    }

    /**
     * Writes bytes to a new spool file, hashed, ready for {@link #putLater}.
     *
     * @throws DownloadException if the file cannot be written
     */
    Content.Written spool(ModuleVersion module, LayoutPath.Kind kind, byte[] bytes) {
        Path file = spool.resolve(kind.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + ".part");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            deleteQuietly(file);
            throw new DownloadException(module + ": cannot write its " + kind.suffix() + " into the download cache "
                    + spool + ": " + e, "check free space and permissions of the cache directory", e);
        }
        return new Content.Written(file, bytes.length, sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
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
