package dev.gosync.bundle.sign.sshkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OpenSshKeyFileTest {
    private static final Ed25519KeyPair KEY = KeyPairs.generate("alice@example.com");
    private static final Ed25519KeyPair OTHER = KeyPairs.generate("bob@example.com");
    private static final String KEY_TEXT = OpenSshKeyFile.format(KEY);
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    /** A key file with the given fields, for shapes our own writer never produces. */
    static String keyFile(String cipher, String kdf, long count, byte[] publicBlob, byte[] secret) {
        byte[] data = new WireWriter().raw(MAGIC).string(cipher).string(kdf).string(new byte[0]).uint32(count)
                .string(publicBlob).string(secret).toByteArray();
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(data)
                + "\n-----END OPENSSH PRIVATE KEY-----\n";
    }

    static byte[] secret(long check1, long check2, byte[] publicRaw, byte[] seed, byte[] embeddedPublic, int padTo) {
        WireWriter w = new WireWriter().uint32(check1).uint32(check2).string("ssh-ed25519").string(publicRaw);
        byte[] priv = new byte[64];
        System.arraycopy(seed, 0, priv, 0, 32);
        System.arraycopy(embeddedPublic, 0, priv, 32, 32);
        w.string(priv).string("comment");
        for (int pad = 1; w.size() % padTo != 0; pad++) {
            w.raw(new byte[] {(byte) pad});
        }
        return w.toByteArray();
    }

    private static KeyFormatException parseError(String text) {
        return assertThrows(KeyFormatException.class, () -> OpenSshKeyFile.parse(text, "test-key"));
    }

    @Test
    void parsingWhatWasFormattedGivesTheSameKey() {
        Ed25519KeyPair read = OpenSshKeyFile.parse(OpenSshKeyFile.format(KEY), "test-key");
        assertEquals(KEY, read);
        assertEquals("alice@example.com", read.comment());
    }

    @Test
    void theBase64IsWrappedAt70ColumnsBetweenTheMarkers() {
        String[] lines = OpenSshKeyFile.format(KEY).split("\n");
        assertEquals("-----BEGIN OPENSSH PRIVATE KEY-----", lines[0]);
        assertEquals("-----END OPENSSH PRIVATE KEY-----", lines[lines.length - 1]);
        for (int i = 1; i < lines.length - 2; i++) {
            assertEquals(70, lines[i].length());
        }
        assertTrue(OpenSshKeyFile.format(KEY).endsWith("-----END OPENSSH PRIVATE KEY-----\n"));
    }

    @Test
    void anEncryptedKeyIsRefusedWithAdvice() {
        byte[] secret = new byte[64];
        KeyFormatException e = parseError(keyFile("aes256-ctr", "bcrypt", 1, KEY.publicKey().blob(), secret));
        assertTrue(e.getMessage().contains("protected by a passphrase"), e.getMessage());
        assertTrue(e.remedy().contains("ssh-agent is not supported yet"), e.remedy());
        assertTrue(e.remedy().contains("-N ''"), e.remedy());
    }

    @Test
    void otherKeyFormatsAreNamed() {
        assertTrue(parseError("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n").getMessage()
                .contains("PEM private key"));
        assertTrue(parseError(KEY.publicKey().toLine()).getMessage().contains("holds a public key"));
        assertTrue(parseError("hello").getMessage().contains("not an OpenSSH private key"));
    }

    @Test
    void keysOfOtherTypesAreRefused() {
        byte[] rsaBlob = new WireWriter().string("ssh-rsa").string(new byte[] {1, 0, 1}).string(new byte[64])
                .toByteArray();
        KeyFormatException e = parseError(keyFile("none", "none", 1, rsaBlob, new byte[8]));
        assertTrue(e.getMessage().contains("holds a ssh-rsa key"), e.getMessage());
    }

    @Test
    void damagedFilesAreRefused() {
        byte[] pub = KEY.publicKey().blob();
        byte[] raw = KEY.publicRaw();
        byte[] seed = KEY.seed();
        assertTrue(parseError(keyFile("none", "none", 2, pub, secret(1, 1, raw, seed, raw, 8))).getMessage()
                .contains("exactly one key"));
        assertTrue(parseError(keyFile("none", "none", 1, pub, secret(1, 2, raw, seed, raw, 8))).getMessage()
                .contains("check words"));
        assertTrue(parseError(keyFile("none", "none", 1, pub, secret(1, 1, raw, seed, raw, 7))).getMessage()
                .contains("multiple of 8"));
        byte[] badPadding = secret(1, 1, raw, seed, raw, 8);
        badPadding[badPadding.length - 1] = 9;
        assertTrue(parseError(keyFile("none", "none", 1, pub, badPadding)).getMessage().contains("padding"));
        assertTrue(parseError(keyFile("none", "none", 1, OTHER.publicKey().blob(), secret(1, 1, raw, seed, raw, 8)))
                .getMessage().contains("recorded differently"));
        assertTrue(parseError("-----BEGIN OPENSSH PRIVATE KEY-----\n!!!\n-----END OPENSSH PRIVATE KEY-----\n")
                .getMessage().contains("not valid base64"));
    }

    @Test
    void aPrivateKeyThatDoesNotBelongToItsPublicKeyIsRefused() {
        byte[] otherRaw = OTHER.publicRaw();
        KeyFormatException e = parseError(keyFile("none", "none", 1, OTHER.publicKey().blob(),
                secret(1, 1, otherRaw, KEY.seed(), otherRaw, 8)));
        assertTrue(e.getMessage().contains("do not belong together"), e.getMessage());
    }

    @Property(tries = 1000)
    void arbitraryTextFailsCleanly(@ForAll String text) {
        assertThrows(KeyFormatException.class, () -> OpenSshKeyFile.parse(text, "fuzz"));
    }

    @Property(tries = 500)
    void damagedKeyFilesFailCleanlyOrStillHoldTheKey(@ForAll @IntRange(min = 0, max = 100_000) int where,
            @ForAll @IntRange(min = 0, max = 63) int digit) {
        String text = KEY_TEXT;
        int begin = text.indexOf('\n') + 1;
        int at = begin + where % (text.indexOf("-----END") - 1 - begin);
        if (text.charAt(at) == '\n') {
            return;
        }
        String changed = text.substring(0, at)
                + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".charAt(digit)
                + text.substring(at + 1);
        try {
            Ed25519KeyPair read = OpenSshKeyFile.parse(changed, "fuzz");
            assertTrue(read.publicKey().sameKey(KEY.publicKey()), "a damaged file must not yield another key");
        } catch (KeyFormatException e) {
            assertTrue(e.getMessage().startsWith("key file fuzz"), e.getMessage());
        }
    }
}
