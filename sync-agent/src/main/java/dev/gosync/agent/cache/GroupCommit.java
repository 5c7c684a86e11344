package dev.gosync.agent.cache;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.StoredFile;
import java.io.IOException;
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

/**
 * Puts files into the store for many threads, in as few transactions as possible. A store
 * transaction costs the same few syncs, renames and a lock whether it holds one file or fifty, and
 * only one runs at a time; so a thread that finds a commit under way queues its file, and the next
 * commit takes in everything queued meanwhile. Every caller still returns only once its own file
 * is committed (or failed), so an interrupted run keeps every file it handed out.
 *
 * <p>Bytes are first written and synced to a spool file by the calling thread, outside the lock
 * and in parallel with the other threads; the transaction then only moves files, so the part that
 * runs one at a time holds no file sync per file (the store syncs each changed directory once).
 */
final class GroupCommit {
    /** What to store: bytes in memory, or a complete, synced file to move in (see {@link LayoutStore.Transaction#adopt}). */
    sealed interface Content {
        record Bytes(byte[] bytes) implements Content {
        }

        record Written(Path file, long size, String sha256) implements Content {
        }
    }

    private record Pending(ModuleVersion module, LayoutPath.Kind kind, Content content,
                           CompletableFuture<StoredFile> done) {
    }

    private final LayoutStore store;
    private final Path spool;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Object turn = new Object();

    /** Commits to store; spool is a directory on the store's file system for the bytes to move in. */
    GroupCommit(LayoutStore store, Path spool) {
        this.store = store;
        this.spool = spool;
    }

    /**
     * Stores the file, in a transaction with whatever other threads queued meanwhile.
     *
     * @throws RuntimeException what the store throws for this file; when the commit itself fails
     *     (a conflict, the disk) every file of the group fails with it
     */
    StoredFile put(ModuleVersion module, LayoutPath.Kind kind, Content content) {
        Content.Written written = content instanceof Content.Bytes b ? spool(module, kind, b.bytes())
                : (Content.Written) content;
        Pending mine = new Pending(module, kind, written, new CompletableFuture<>());
        try {
            queue.add(mine);
            synchronized (turn) {
                if (!mine.done().isDone()) {
                    commitQueued();
                }
            }
            return mine.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            if (content instanceof Content.Bytes) {
                deleteQuietly(written.file());
            }
        }
    }

    /** Writes bytes to a new spool file, hashed and synced. */
    private Content.Written spool(ModuleVersion module, LayoutPath.Kind kind, byte[] bytes) {
        Path file = spool.resolve(kind.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + ".part");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
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

    /** Commits everything queued, at least the caller's own file. Called holding {@link #turn}. */
    private void commitQueued() {
        List<Pending> group = new ArrayList<>();
        for (Pending p; (p = queue.poll()) != null; ) {
            group.add(p);
        }
        Map<Pending, StoredFile> staged = new LinkedHashMap<>();
        try (LayoutStore.Transaction tx = store.begin()) {
            for (Pending p : group) {
                try {
                    staged.put(p, stage(tx, p));
                } catch (RuntimeException e) {
                    // A put that fails stages nothing; the others go on.
                    p.done().completeExceptionally(e);
                }
            }
            tx.commit();
            staged.forEach((p, stored) -> p.done().complete(stored));
        } catch (RuntimeException e) {
            // Already-failed files keep their own failure; the rest share the commit's.
            group.forEach(p -> p.done().completeExceptionally(e));
        } finally {
            // Only an Error gets here with files unfinished; their threads must not wait forever.
            group.forEach(p -> p.done().completeExceptionally(new IllegalStateException("the store commit stopped")));
        }
    }

    private static StoredFile stage(LayoutStore.Transaction tx, Pending p) {
        Content.Written w = (Content.Written) p.content();
        return tx.adopt(p.module(), p.kind(), w.file(), w.size(), w.sha256());
    }
}
