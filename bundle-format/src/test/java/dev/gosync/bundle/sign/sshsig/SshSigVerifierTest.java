package dev.gosync.bundle.sign.sshsig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.SignatureException.Reason;
import dev.gosync.bundle.sign.VerifiedSigner;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshSigVerifierTest {
    private static final Ed25519KeyPair ALICE = KeyPairs.generate("alice");
    private static final Ed25519KeyPair MALLORY = KeyPairs.generate("mallory");
    private static final byte[] DATA = "the manifest".getBytes(StandardCharsets.US_ASCII);
    private final SshSigVerifier verifier = new SshSigVerifier(
            AllowedSigners.parse("release@example.com " + ALICE.publicKey().toLine(), "trust", ZoneOffset.UTC),
            Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));

    private Reason refusal(byte[] data, byte[] signature) {
        return assertThrows(SignatureException.class, () -> verifier.verify(data, signature)).reason();
    }

    @Test
    void aTrustedSignatureNamesItsSigner() {
        VerifiedSigner signer = verifier.verify(DATA, new SshSigSigner(ALICE).sign(DATA));
        assertEquals(List.of("release@example.com"), signer.principals());
        assertEquals("ssh-ed25519", signer.keyType());
        assertEquals(ALICE.publicKey().fingerprint(), signer.fingerprint());
    }

    @Test
    void signaturesAreDeterministic() {
        assertArrayEquals(new SshSigSigner(ALICE).sign(DATA), new SshSigSigner(ALICE).sign(DATA));
    }

    @Test
    void sha256SignaturesAreAcceptedToo() {
        assertEquals(List.of("release@example.com"),
                verifier.verify(DATA, Signatures.sign(ALICE, DATA, "gosync-bundle", "sha256")).principals());
    }

    @Test
    void alteredDataIsABadSignature() {
        assertEquals(Reason.BAD_SIGNATURE, refusal("the manifest!".getBytes(StandardCharsets.US_ASCII),
                new SshSigSigner(ALICE).sign(DATA)));
    }

    @Test
    void anUntrustedKeyIsAnUnknownSigner() {
        assertEquals(Reason.UNKNOWN_SIGNER, refusal(DATA, new SshSigSigner(MALLORY).sign(DATA)));
    }

    @Test
    void aSignatureForAnotherNamespaceIsRefused() {
        assertEquals(Reason.WRONG_NAMESPACE, refusal(DATA, Signatures.sign(ALICE, DATA, "git", "sha512")));
        assertEquals(Reason.WRONG_NAMESPACE, refusal(DATA, Signatures.sign(ALICE, DATA, "file", "sha512")));
    }

    @Test
    void anUnknownHashIsMalformed() {
        assertEquals(Reason.MALFORMED, refusal(DATA, new SshSignature(ALICE.publicKey(), "gosync-bundle", new byte[0],
                "md5", "ssh-ed25519", new byte[64]).armored()));
    }

    @Test
    void garbageIsMalformed() {
        assertEquals(Reason.MALFORMED, refusal(DATA, "not a signature".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Reason.MALFORMED, refusal(DATA, new byte[0]));
    }

    @Test
    void aSignatureWithAnotherKeySwappedInIsBad() {
        SshSignature real = SshSignature.parse(new SshSigSigner(MALLORY).sign(DATA));
        byte[] forged = new SshSignature(ALICE.publicKey(), real.namespace(), real.reserved(), real.hashAlgorithm(),
                real.signatureType(), real.signature()).armored();
        assertEquals(Reason.BAD_SIGNATURE, refusal(DATA, forged));
    }
}
