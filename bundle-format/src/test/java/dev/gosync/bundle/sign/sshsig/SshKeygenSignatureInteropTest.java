package dev.gosync.bundle.sign.sshsig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.SignatureException.Reason;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.testing.SshKeygen;
import dev.gosync.fixtures.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our signatures and ssh-keygen's are interchangeable: each verifies the other's, with the same
 * allowed_signers file, and both refuse the same forgeries.
 */
class SshKeygenSignatureInteropTest {
    private static final String NS = "gosync-bundle";

    @TempDir
    Path dir;
    private SshKeygen sshKeygen;
    private Path keyFile;
    private Ed25519KeyPair key;
    private Path data;
    private Path allowedSigners;

    @BeforeEach
    void setUp() throws IOException {
        sshKeygen = SshKeygen.require(dir);
        keyFile = dir.resolve("release-key");
        key = KeyPairs.generate("release");
        KeyPairs.write(key, keyFile);
        data = dir.resolve("manifest.json");
        Files.writeString(data, "{\"format\": \"pretend manifest\"}\n");
        allowedSigners = dir.resolve("allowed_signers");
        Files.writeString(allowedSigners, "release@example.com " + key.publicKey().toLine() + "\n");
    }

    private ProcessResult sshVerify(Path signature, Path signed, String principal, String namespace) {
        return sshKeygen.run(signed, "-Y", "verify", "-f", allowedSigners.toString(), "-I", principal, "-n",
                namespace, "-s", signature.toString());
    }

    private Path ourSignature(Ed25519KeyPair signer, Path signed) throws IOException {
        return ourSignature(new SshSigSigner(signer), signed);
    }

    private Path ourSignature(SshSigSigner signer, Path signed) throws IOException {
        Path sig = dir.resolve("ours.sig");
        Files.write(sig, signer.sign(Files.readAllBytes(signed)));
        return sig;
    }

    private Path sshSignature(Path key, String namespace) {
        sshKeygen.run(null, "-Y", "sign", "-f", key.toString(), "-n", namespace, data.toString()).orThrow();
        return Path.of(data + ".sig");
    }

    private Reason ourRefusal(Path signed, Path signature) {
        SshSigVerifier verifier = SshSigVerifier.trusting(allowedSigners);
        return assertThrows(SignatureException.class,
                () -> verifier.verify(Files.readAllBytes(signed), Files.readAllBytes(signature))).reason();
    }

    @Test
    void sshKeygenVerifiesOurSignature() throws IOException {
        ProcessResult result = sshVerify(ourSignature(key, data), data, "release@example.com", NS);
        assertTrue(result.succeeded(), result.describe());
        assertTrue(result.stdout().contains("Good \"gosync-bundle\" signature for release@example.com"),
                result.describe());
    }

    @Test
    void weVerifySshKeygensSignatureAndProduceTheSameBytes() throws IOException {
        Path sig = sshSignature(keyFile, NS);
        assertEquals(List.of("release@example.com"), SshSigVerifier.trusting(allowedSigners)
                .verify(Files.readAllBytes(data), Files.readAllBytes(sig)).principals());
        assertArrayEquals(Files.readAllBytes(sig), Files.readAllBytes(ourSignature(key, data)));
    }

    @Test
    void aKeyMadeBySshKeygenSignsForUs() throws IOException {
        Path theirKey = dir.resolve("their-key");
        sshKeygen.generateEd25519(theirKey, "theirs");
        Files.writeString(allowedSigners, "ops@example.com " + Files.readString(Path.of(theirKey + ".pub")));
        Path sig = ourSignature(SshSigSigner.fromKeyFile(theirKey), data);
        assertTrue(sshVerify(sig, data, "ops@example.com", NS).succeeded());
        assertEquals(List.of("ops@example.com"), SshSigVerifier.trusting(allowedSigners)
                .verify(Files.readAllBytes(data), Files.readAllBytes(sig)).principals());
    }

    @Test
    void bothRefuseTamperedData() throws IOException {
        Path sig = ourSignature(key, data);
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, Files.readString(data).replace("pretend", "evil"));
        assertFalse(sshVerify(sig, tampered, "release@example.com", NS).succeeded());
        assertEquals(Reason.BAD_SIGNATURE, ourRefusal(tampered, sig));
    }

    @Test
    void bothRefuseAnUntrustedKey() throws IOException {
        Ed25519KeyPair other = KeyPairs.generate("other");
        Path sig = ourSignature(other, data);
        assertFalse(sshVerify(sig, data, "release@example.com", NS).succeeded());
        assertEquals(Reason.UNKNOWN_SIGNER, ourRefusal(data, sig));
    }

    @Test
    void bothRefuseASignatureForAnotherNamespace() throws IOException {
        Path gitSig = sshSignature(keyFile, "git");
        assertFalse(sshVerify(gitSig, data, "release@example.com", NS).succeeded());
        assertEquals(Reason.WRONG_NAMESPACE, ourRefusal(data, gitSig));
        assertFalse(sshVerify(ourSignature(key, data), data, "release@example.com", "git").succeeded());
    }

    @Test
    void bothHonourNamespaceAndValidityRestrictions() throws IOException {
        Path sig = ourSignature(key, data);
        Files.writeString(allowedSigners, "release@example.com namespaces=\"git\" " + key.publicKey().toLine() + "\n");
        assertFalse(sshVerify(sig, data, "release@example.com", NS).succeeded());
        assertEquals(Reason.SIGNER_NOT_ALLOWED, ourRefusal(data, sig));
        Files.writeString(allowedSigners, "release@example.com valid-before=\"20200101Z\" " + key.publicKey().toLine()
                + "\n");
        assertFalse(sshVerify(sig, data, "release@example.com", NS).succeeded());
        assertEquals(Reason.SIGNER_NOT_ALLOWED, ourRefusal(data, sig));
        Files.writeString(allowedSigners, "release@example.com valid-after=\"20200101Z\",namespaces=\"gosync-*\" "
                + key.publicKey().toLine() + "\n");
        assertTrue(sshVerify(sig, data, "release@example.com", NS).succeeded());
        assertEquals(List.of("release@example.com"), SshSigVerifier.trusting(allowedSigners)
                .verify(Files.readAllBytes(data), Files.readAllBytes(sig)).principals());
    }

    @Test
    void bothIgnoreTheReservedFieldOfTheBlob() throws IOException {
        byte[] empty = new byte[0];
        byte[] signed = SshSignature.signedData(NS, empty, "sha512", MessageHash.of("sha512", Files.readAllBytes(data)));
        Path sig = Files.write(dir.resolve("reserved.sig"), new SshSignature(key.publicKey(), NS,
                "future".getBytes(StandardCharsets.US_ASCII), "sha512", "ssh-ed25519", key.sign(signed)).armored());
        assertTrue(sshVerify(sig, data, "release@example.com", NS).succeeded());
        assertEquals(List.of("release@example.com"), SshSigVerifier.trusting(allowedSigners)
                .verify(Files.readAllBytes(data), Files.readAllBytes(sig)).principals());
    }

    @Test
    void sshKeygenFindsThePrincipalWeReport() throws IOException {
        Path sig = ourSignature(key, data);
        ProcessResult found = sshKeygen.run(null, "-Y", "find-principals", "-f", allowedSigners.toString(), "-s",
                sig.toString());
        assertEquals("release@example.com", found.stdout().strip(), found.describe());
        assertEquals(List.of(found.stdout().strip()), new SshSigVerifier(AllowedSigners.load(allowedSigners),
                Clock.systemUTC()).verify(Files.readAllBytes(data), Files.readAllBytes(sig)).principals());
        assertTrue(new String(Files.readAllBytes(sig), StandardCharsets.US_ASCII).startsWith(
                "-----BEGIN SSH SIGNATURE-----\n"));
    }
}
