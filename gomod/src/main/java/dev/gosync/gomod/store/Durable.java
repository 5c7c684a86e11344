package dev.gosync.gomod.store;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.HexFormat;
import java.util.Set;

/**
 * File operations that survive a crash: a file reaches its final name only complete and synced,
 * by one atomic rename, and the directories involved are synced after it so the rename itself is
 * on disk.
 */
final class Durable {
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
        replace(target, content, temp, null);
        syncDirectory(target.getParent());
    }

    /** As {@link #replace(Path, byte[], Path)}, adding target's directory to toSync instead of syncing it. */
    static void replace(Path target, byte[] content, Path temp, Set<Path> toSync) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (toSync != null) {
            toSync.add(target.getParent());
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
