package dev.gosync.serve.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Identifies one version of a file on disk: size, modification time and inode. The mirror never
 * rewrites a file in place (an import renames a finished file over the path), so an unchanged
 * stamp means unchanged bytes, and a new list or a new file shows as a new stamp.
 *
 * @param size      bytes
 * @param mtimeNanos modification time in nanoseconds since the epoch
 * @param fileKey   the file system's identity of the file (device and inode on Linux); may be null
 */
record FileStamp(long size, long mtimeNanos, Object fileKey) {
    /** The stamp of a regular file (not following a final symlink), or null when there is none. */
    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (java.nio.file.FileSystemException e) {
            // ENOTDIR and friends: an element of the path is not a directory, so there is no such file.
            return null;
        }
        if (!attrs.isRegularFile()) {
            return null;
        }
        return new FileStamp(attrs.size(), attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                attrs.fileKey());
    }

    long mtimeSeconds() {
        return Math.floorDiv(mtimeNanos, 1_000_000_000L);
    }

    /** A strong entity tag for these bytes: a new file gets a new inode, so a new tag. */
    String etag() {
        return "\"" + Long.toHexString(Math.floorDiv(mtimeNanos, 1000)) + "-" + Long.toHexString(size) + "-"
                + Integer.toHexString(Objects.hashCode(fileKey)) + "\"";
    }
}
