package dev.gosync.gomod.store;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * File operations that survive a crash: a file reaches its final name only complete and synced,
 * by one atomic rename, and the directories involved are synced after it so the rename itself is
 * on disk. Many files at once are synced in parallel ({@link #syncAll}): a sync mostly waits for
 * the disk, and the waits overlap.
 */
final class Durable {
    /** Syncs in flight at once; enough to keep a disk's queue busy, few enough not to thrash it. */
    private static final int SYNC_THREADS = 8;

    private Durable() {
    }

    /**
     * Renames staged (already synced) to target, which must not exist, creating target's missing
     * directories; adds every directory that changed to {@code changed}, for one
     * {@link #syncAll} after a batch of moves.
     */
    static void moveIntoPlace(Path staged, Path target, Set<Path> changed) throws IOException {
        Path parent = target.getParent();
        Path existing = parent;
        while (!Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(parent);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        for (Path dir = parent; ; dir = dir.getParent()) {
            changed.add(dir);
            if (dir.equals(existing)) {
                break;
            }
        }
    }

    /**
     * Replaces each target with its content, each in one rename: all contents are written to
     * temporary files named {@code tempPrefix} + a number (on the targets' file system) and synced
     * together, then renamed into place one by one; adds the targets' directories to
     * {@code changed} instead of syncing them. Syncing together lets the waits for the disk overlap.
     */
    static void replaceAll(Map<Path, byte[]> contents, Path tempPrefix, Set<Path> changed) throws IOException {
        List<Path> temps = new ArrayList<>();
        for (byte[] content : contents.values()) {
            Path temp = tempPrefix.resolveSibling(tempPrefix.getFileName() + String.valueOf(temps.size()));
            write(temp, content, false);
            temps.add(temp);
        }
        syncAll(temps);
        int i = 0;
        for (Path target : contents.keySet()) {
            Files.move(temps.get(i++), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            changed.add(target.getParent());
        }
    }

    /** Syncs every file or directory given, several at a time. */
    static void syncAll(Collection<Path> paths) throws IOException {
        List<Path> list = List.copyOf(paths);
        if (list.size() <= 1) {
            for (Path p : list) {
                sync(p);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(SYNC_THREADS, list.size()), r -> {
            Thread t = new Thread(r, "gosync-sync");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Path p : list) {
                done.add(pool.submit(() -> {
                    sync(p);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("syncing failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while syncing files");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sync(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            syncDirectory(p);
        } else {
            try (FileChannel channel = FileChannel.open(p, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
    }

    /**
     * Replaces target with content in one rename, going through temp (on target's file system;
     * whatever an interrupted earlier call left there is overwritten).
     */
    static void replace(Path target, byte[] content, Path temp) throws IOException {
        write(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    private static void write(Path temp, byte[] content) throws IOException {
        write(temp, content, true);
    }

    private static void write(Path temp, byte[] content, boolean sync) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (sync) {
                channel.force(true);
            }
        }
    }

    static void syncDirectory(Path dir) throws IOException {
        // Windows cannot open a directory for syncing; its renames are durable without it.
        if (File.separatorChar == '\\') {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
