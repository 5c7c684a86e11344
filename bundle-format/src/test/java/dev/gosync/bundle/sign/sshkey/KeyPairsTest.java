package dev.gosync.bundle.sign.sshkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyPairsTest {
    @TempDir
    Path dir;

    @Test
    void generatedKeysDiffer() {
        assertFalse(KeyPairs.generate("a").publicKey().sameKey(KeyPairs.generate("a").publicKey()));
    }

    @Test
    void writtenFilesHoldTheKeyPair() throws IOException {
        Ed25519KeyPair key = KeyPairs.generate("me@host");
        Path file = dir.resolve("k");
        KeyPairs.write(key, file);
        assertEquals(key, OpenSshKeyFile.read(file));
        assertEquals(key.publicKey().toLine() + "\n", Files.readString(dir.resolve("k.pub")));
    }

    @Test
    void writtenKeysArePrivateAndNeverReplaced() throws IOException {
        Path file = dir.resolve("signing-key");
        KeyPairs.write(KeyPairs.generate("k"), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("signing-key.pub"))));
        String before = Files.readString(file);
        assertThrows(KeyFormatException.class, () -> KeyPairs.write(KeyPairs.generate("k2"), file));
        assertEquals(before, Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(2, listing.filter(p -> p.getFileName().toString().contains("signing-key")).count());
        }
    }
}
