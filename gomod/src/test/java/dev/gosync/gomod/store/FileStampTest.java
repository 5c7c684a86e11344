package dev.gosync.gomod.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stamp vouches for a file only while it is the same file, unwritten: what lets the export skip
 * a second SHA-256 and the server keep a file's bytes in memory.
 */
class FileStampTest {
    @TempDir
    Path dir;

    @Test
    void anUntouchedFileKeepsItsStampAcrossARename() throws IOException {
        Path file = Files.writeString(dir.resolve("a.zip"), "zip bytes");
        FileStamp before = FileStamp.of(file);
        Path moved = Files.move(file, dir.resolve("b.zip"), StandardCopyOption.ATOMIC_MOVE);
        assertTrue(before.sameAs(FileStamp.of(moved)));
    }

    @Test
    void aWriteThatChangesTheSizeChangesTheStamp() throws IOException {
        // A same-size write within one tick of the file system's clock keeps size and time: the
        // limit of a stamp, which the import's SHA-256 check covers (docs/PERFORMANCE.md).
        Path file = Files.writeString(dir.resolve("a.zip"), "zip bytes");
        FileStamp before = FileStamp.of(file);
        Files.writeString(file, "zip bytes!");
        assertFalse(before.sameAs(FileStamp.of(file)));
    }

    @Test
    void aReplacementOfTheSameSizeAndTimeChangesTheStamp() throws IOException {
        Path file = Files.writeString(dir.resolve("a.zip"), "zip bytes");
        FileTime time = Files.getLastModifiedTime(file);
        FileStamp before = FileStamp.of(file);
        Path other = Files.writeString(dir.resolve("other"), "zip bytes");
        Files.setLastModifiedTime(other, time);
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertFalse(before.sameAs(FileStamp.of(file)), "replaced by another file of the same size and time");
    }

    @Test
    void onlyARegularFileHasARegularFileStamp() throws IOException {
        Path file = Files.writeString(dir.resolve("a.mod"), "module a\n");
        assertEquals(FileStamp.of(file), FileStamp.ofRegularFile(file));
        assertNull(FileStamp.ofRegularFile(dir.resolve("missing")));
        assertNull(FileStamp.ofRegularFile(file.resolve("below-a-file")), "an element of the path is not a directory");
        assertNull(FileStamp.ofRegularFile(dir), "a directory");
        assertNull(FileStamp.ofRegularFile(Files.createSymbolicLink(dir.resolve("link"), file)), "a symbolic link");
    }

    @Test
    void withoutAnIdentityNoStampVouchesForAFile() {
        FileStamp anonymous = new FileStamp(9, 1_000, null);
        assertFalse(anonymous.sameAs(anonymous));
        assertEquals(1, new FileStamp(9, 1_999_999_999L, null).mtimeSeconds());
    }
}
