package dev.gosync.gomod.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    @Test
    void aFileHashesToTheKnownDigestInLowerCaseHex(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("abc"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.ofFile(file));
    }

    @Test
    void aFileLongerThanTheBufferHashesWhole(@TempDir Path dir) throws Exception {
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path file = Files.write(dir.resolve("long"), content);
        assertEquals(java.util.HexFormat.of().formatHex(Sha256.newDigest().digest(content)), Sha256.ofFile(file));
    }
}
