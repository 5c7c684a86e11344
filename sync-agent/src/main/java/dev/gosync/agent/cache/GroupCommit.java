package dev.gosync.agent.cache;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.StoredFile;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Puts files into the store for many threads, in as few transactions as possible. A store
 * transaction costs the same few syncs, renames and a lock whether it holds one file or fifty, and
 * only one runs at a time; so a thread that finds a commit under way queues its file, and the next
 * commit takes in everything queued meanwhile. Every caller still returns only once its own file
 * is committed (or failed), so an interrupted run keeps every file it handed out.
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
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Object turn = new Object();

    GroupCommit(LayoutStore store) {
        this.store = store;
    }

    /**
     * Stores the file, in a transaction with whatever other threads queued meanwhile.
     *
     * @throws RuntimeException what the store throws for this file; when the commit itself fails
     *     (a conflict, the disk) every file of the group fails with it
     */
    StoredFile put(ModuleVersion module, LayoutPath.Kind kind, Content content) {
        Pending mine = new Pending(module, kind, content, new CompletableFuture<>());
        queue.add(mine);
        synchronized (turn) {
            if (!mine.done().isDone()) {
                commitQueued();
            }
        }
        try {
            return mine.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
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
        if (p.content() instanceof Content.Written w) {
            return tx.adopt(p.module(), p.kind(), w.file(), w.size(), w.sha256());
        }
        return tx.put(p.module(), p.kind(), new ByteArrayInputStream(((Content.Bytes) p.content()).bytes()));
    }
}
