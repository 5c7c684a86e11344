package dev.gosync.gomod.store;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says of one version of a file: size, modification time and identity
 * (device and inode on Linux). gosync never rewrites a published file in place (a store renames
 * a finished file over the path), so an unchanged stamp stands for unchanged bytes, and a new
 * file shows as a new stamp. The limit, for files others might write: a writer that keeps the
 * size and either puts back the modification time or writes within one tick of the file system's
 * clock (a few milliseconds on Linux) leaves the stamp as it was.
 *
 * @param size       bytes
 * @param mtimeNanos modification time in nanoseconds since the epoch
 * @param fileKey    the file system's identity of the file; null where the platform gives none
 */
public record FileStamp(long size, long mtimeNanos, Object fileKey) {

    /**
     * The stamp of file, following a final symbolic link.
     *
     * @throws NoSuchFileException when there is no such file
     */
    public static FileStamp of(Path file) throws IOException {
        return of(Files.readAttributes(file, BasicFileAttributes.class));
    }

    /**
     * The stamp of a regular file, not following a final symbolic link, or null when there is
     * none: no such file, an element of the path that is not a directory, or not a regular file.
     */
    public static FileStamp ofRegularFile(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (FileSystemException e) {
            // ENOTDIR and friends: an element of the path is not a directory, so there is no such file.
            return null;
        }
        return attributes.isRegularFile() ? of(attributes) : null;
    }

    private static FileStamp of(BasicFileAttributes attributes) {
        return new FileStamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                attributes.fileKey());
    }

    /** The modification time in whole seconds since the epoch. */
    public long mtimeSeconds() {
        return Math.floorDiv(mtimeNanos, 1_000_000_000L);
    }

    /**
     * Whether both stamps show the same file unchanged; never true where the platform gives no
     * identity, since size and time alone cannot tell a replaced file from the same one.
     */
    public boolean sameAs(FileStamp other) {
        return fileKey != null && equals(other);
    }
}
