package dev.gosync.bundle.sign.sshkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SshPublicKeyTest {
    private static final Ed25519KeyPair KEY = KeyPairs.generate("carol");

    @Test
    void aLineRoundTripsWithItsComment() {
        SshPublicKey key = KEY.publicKey();
        assertTrue(key.toLine().startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"), key.toLine());
        assertEquals(key, SshPublicKey.parse(key.toLine()));
        assertEquals("two words", SshPublicKey.parse(key.toLine().replace("carol", "two words")).comment());
    }

    @Test
    void anEmptyCommentKeepsTheSeparatingSpaceLikeSshKeygen() {
        SshPublicKey key = SshPublicKey.ed25519(KEY.publicRaw(), "");
        assertTrue(key.toLine().endsWith(" "), "[" + key.toLine() + "]");
        assertEquals("", SshPublicKey.parse(key.toLine()).comment());
    }

    @Test
    void keysCompareByTheirBytesNotTheirComments() {
        SshPublicKey other = SshPublicKey.ed25519(KEY.publicRaw(), "other comment");
        assertTrue(KEY.publicKey().sameKey(other));
        assertFalse(KEY.publicKey().sameKey(KeyPairs.generate("x").publicKey()));
    }

    @Test
    void aSignatureVerifiesOnlyForItsMessage() {
        byte[] message = "message".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = KEY.sign(message);
        assertTrue(KEY.publicKey().verifies(message, signature));
        assertFalse(KEY.publicKey().verifies("massage".getBytes(StandardCharsets.US_ASCII), signature));
        assertFalse(KEY.publicKey().verifies(message, new byte[3]));
    }

    @Test
    void malformedLinesAreRefused() {
        String blob = KEY.publicKey().toLine().split(" ")[1];
        assertTrue(assertThrows(KeyFormatException.class, () -> SshPublicKey.parse("ssh-ed25519")).getMessage()
                .contains("not an SSH public key line"));
        assertTrue(assertThrows(KeyFormatException.class, () -> SshPublicKey.parse("ssh-ed25519 !!!")).getMessage()
                .contains("not valid base64"));
        assertTrue(assertThrows(KeyFormatException.class, () -> SshPublicKey.parse("ssh-rsa " + blob)).getMessage()
                .contains("of type ssh-ed25519"));
        assertTrue(assertThrows(KeyFormatException.class, () -> SshPublicKey.parse("ssh-ed25519 AAAA")).getMessage()
                .contains("SSH public key"));
    }

    @Property(tries = 1000)
    void arbitraryLinesFailCleanly(@ForAll String line) {
        try {
            SshPublicKey.parse(line);
        } catch (KeyFormatException e) {
            assertTrue(e.getMessage().contains("SSH public key"), e.getMessage());
        }
    }

    @Property(tries = 1000)
    void arbitraryBlobsFailCleanly(@ForAll byte[] blob) {
        try {
            SshPublicKey.fromBlob(blob);
        } catch (MalformedWireException e) {
            assertTrue(e.getMessage().startsWith("SSH public key"), e.getMessage());
        }
    }
}
