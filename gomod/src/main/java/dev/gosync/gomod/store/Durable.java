package dev.gosync.gomod.store;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * File operations that survive a crash: a file reaches its final name only complete and synced,
 * by one atomic rename, and the directories involved are synced after it so the rename itself is
 * on disk.
 */
final class Durable {
    /** Threads that wait in fsync; blocked on the disk, not on a core, so more than the cores. */
    private static final ExecutorService SYNCS = new ThreadPoolExecutor(0, 16, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "gosync-sync");
                t.setDaemon(true);
                return t;
            });

    private Durable() {
    }

    /**
     * Renames staged (already synced) to target, which must not exist, creating target's missing
     * directories; adds every directory that changed to toSync, for the caller to sync once all
     * its renames are done (a directory shared by many renames is synced once, not per file).
     */
    static void moveIntoPlace(Path staged, Path target, Set<Path> toSync) throws IOException {
        Path parent = target.getParent();
        Path existing = parent;
        while (!Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(parent);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        for (Path dir = parent; ; dir = dir.getParent()) {
            toSync.add(dir);
            if (dir.equals(existing)) {
                break;
            }
        }
    }

    /**
     * Replaces target with content in one rename, going through temp (on target's file system;
     * whatever an interrupted earlier call left there is overwritten).
     */
    static void replace(Path target, byte[] content, Path temp) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    /**
     * Syncs every file, side by side: the file system can then write them in one journal commit
     * instead of one commit per file, one after the other.
     */
    static void syncFiles(Collection<Path> files) throws IOException {
        syncAll(files, file -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        });
    }

    /** As {@link #syncFiles}, for directories (whose entries, such as renames, are then on disk). */
    static void syncDirectories(Collection<Path> dirs) throws IOException {
        syncAll(dirs, Durable::syncDirectory);
    }

    private interface Sync {
        void sync(Path path) throws IOException;
    }

    private static void syncAll(Collection<Path> paths, Sync sync) throws IOException {
        if (paths.size() <= 1) {
            for (Path path : paths) {
                sync.sync(path);
            }
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (Path path : paths) {
            running.add(SYNCS.submit(() -> {
                sync.sync(path);
                return null;
            }));
        }
        IOException failure = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while syncing files to disk");
            }
        }
        if (failure != null) {
            throw failure;
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

    /** Deletes a directory tree, without following links; a tree already gone is fine. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
