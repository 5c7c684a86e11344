package dev.gosync.bundle.parts;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Temporary files next to their target, published by rename once complete. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** A new temporary file in the target's directory, so the final rename stays on one file system. */
    static Path temporaryFor(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        return Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    }

    /** Fails when any of {@code targets} exists: a bundle is never overwritten. */
    static void requireAbsent(List<Path> targets) {
        for (Path target : targets) {
            if (Files.exists(target)) {
                throw new BundleException(Problem.TARGET_EXISTS, "bundle file " + target + " already exists",
                        "choose another name or remove the old bundle first");
            }
        }
    }

    /**
     * Makes a synced temporary file world-readable (bundles are not secret; temporary files start
     * as 0600) and renames it to {@code target}.
     */
    static void publish(Path temp, Path target) throws IOException {
        if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forces a written file's content to disk, so that a rename never publishes a file still in flight. */
    static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Flushes the directory entry of renamed files to disk where the platform allows it. */
    static void syncDirectory(Path file) {
        try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories; the rename itself is still atomic there.
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Cleanup after a failure must not hide the failure.
        }
    }
}
