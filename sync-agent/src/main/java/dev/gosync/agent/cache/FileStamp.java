package dev.gosync.agent.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * What the file system says of a file at one moment: size, modification time and identity
 * (inode). Equal stamps taken before a file's SHA-256 was computed and after it is opened again
 * mean it was not replaced in between, and not written to, except by a writer that keeps the size
 * and either puts back the modification time or writes within the same tick of the file
 * system's clock (Linux stamps files with a clock of a few milliseconds' resolution).
 */
record FileStamp(long size, FileTime modified, Object fileKey) {

    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
    }

    /** Whether both stamps show the same file unchanged; never true where the platform gives no identity. */
    boolean sameAs(FileStamp other) {
        return fileKey != null && size == other.size && modified.equals(other.modified)
                && Objects.equals(fileKey, other.fileKey);
    }
}
