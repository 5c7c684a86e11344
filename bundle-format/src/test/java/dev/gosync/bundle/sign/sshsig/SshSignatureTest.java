package dev.gosync.bundle.sign.sshsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.SignatureException.Reason;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.sign.sshkey.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SshSignatureTest {
    private static final Ed25519KeyPair KEY = KeyPairs.generate("signer");
    private static final byte[] DATA = "manifest bytes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNATURE = new SshSigSigner(KEY).sign(DATA);
    private static final String BEGIN = "-----BEGIN SSH SIGNATURE-----\n";
    private static final String END = "-----END SSH SIGNATURE-----\n";

    private static String armor(byte[] blob) {
        return BEGIN + Base64.getEncoder().encodeToString(blob) + "\n" + END;
    }

    private static WireWriter blob(long version, byte[] key, String signatureType) {
        return new WireWriter().raw("SSHSIG".getBytes(StandardCharsets.US_ASCII)).uint32(version).string(key)
                .string("gosync-bundle").string(new byte[0]).string("sha512")
                .string(new WireWriter().string(signatureType).string(new byte[64]).toByteArray());
    }

    private static SignatureException parseError(String text) {
        return assertThrows(SignatureException.class,
                () -> SshSignature.parse(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void ourSignaturesParseBackToTheirFields() {
        SshSignature sig = SshSignature.parse(new SshSigSigner(KEY).sign(DATA));
        assertEquals("gosync-bundle", sig.namespace());
        assertEquals("sha512", sig.hashAlgorithm());
        assertTrue(sig.publicKey().sameKey(KEY.publicKey()));
        assertEquals(64, sig.signature().length);
    }

    @Test
    void theArmorWrapsBase64At70Columns() {
        String text = new String(new SshSigSigner(KEY).sign(DATA), StandardCharsets.US_ASCII);
        String[] lines = text.split("\n");
        assertEquals("-----BEGIN SSH SIGNATURE-----", lines[0]);
        assertEquals(70, lines[1].length());
        assertEquals("-----END SSH SIGNATURE-----", lines[lines.length - 1]);
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void crlfLineEndsAreAccepted() {
        String text = new String(new SshSigSigner(KEY).sign(DATA), StandardCharsets.US_ASCII);
        assertTrue(SshSignature.parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)).publicKey()
                .sameKey(KEY.publicKey()));
    }

    @Test
    void brokenArmorIsMalformed() {
        String good = new String(new SshSigSigner(KEY).sign(DATA), StandardCharsets.US_ASCII);
        assertEquals(Reason.MALFORMED, parseError("").reason());
        assertTrue(parseError(good.substring(1)).getMessage().contains("does not start with"));
        assertTrue(parseError(good.replace(END, "")).getMessage().contains("no -----END SSH SIGNATURE----- line"));
        assertTrue(parseError(good + "more").getMessage().contains("text after"));
        assertTrue(parseError(BEGIN + "@@@@\n" + END).getMessage().contains("not valid base64"));
    }

    @Test
    void brokenBlobsAreMalformed() {
        byte[] key = KEY.publicKey().blob();
        assertTrue(parseError(armor("NOTSIG".getBytes(StandardCharsets.US_ASCII))).getMessage()
                .contains("does not start with SSHSIG"));
        assertTrue(parseError(armor(blob(2, key, "ssh-ed25519").toByteArray())).getMessage().contains("version 2"));
        assertTrue(parseError(armor(blob(1, key, "ssh-ed25519").raw(new byte[1]).toByteArray())).getMessage()
                .contains("unexpected bytes"));
        assertTrue(parseError(armor(blob(1, key, "ssh-rsa").toByteArray())).getMessage()
                .contains("of type ssh-rsa"));
        byte[] full = blob(1, key, "ssh-ed25519").toByteArray();
        byte[] truncated = Arrays.copyOf(full, full.length - 10);
        assertEquals(Reason.MALFORMED, parseError(armor(truncated)).reason());
    }

    @Test
    void certificatesAndOtherKeyTypesAreUnsupported() {
        byte[] cert = new WireWriter().string("ssh-ed25519-cert-v01@openssh.com").string(new byte[40]).toByteArray();
        SignatureException e = parseError(armor(blob(1, cert, "ssh-ed25519").toByteArray()));
        assertEquals(Reason.UNSUPPORTED_KEY, e.reason());
        assertTrue(e.getMessage().contains("certificate"), e.getMessage());
        byte[] rsa = new WireWriter().string("ssh-rsa").string(new byte[] {1, 0, 1}).string(new byte[64]).toByteArray();
        assertEquals(Reason.UNSUPPORTED_KEY, parseError(armor(blob(1, rsa, "rsa-sha2-512").toByteArray())).reason());
    }

    @Property(tries = 1000)
    void arbitraryBytesFailCleanly(@ForAll byte[] bytes) {
        assertThrows(SignatureException.class, () -> SshSignature.parse(bytes));
    }

    @Property(tries = 1000)
    void damagedSignaturesFailCleanlyOrParse(@ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll byte value) {
        byte[] sig = SIGNATURE.clone();
        sig[where % sig.length] = value;
        try {
            SshSignature.parse(sig);
        } catch (SignatureException e) {
            assertTrue(e.reason() == Reason.MALFORMED || e.reason() == Reason.UNSUPPORTED_KEY, e.getMessage());
        }
    }
}
