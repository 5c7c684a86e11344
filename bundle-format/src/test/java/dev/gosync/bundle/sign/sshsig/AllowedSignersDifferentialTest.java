package dev.gosync.bundle.sign.sshsig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.testing.SshKeygen;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For each allowed_signers line (KEY stands for the signing key), our verifier accepts the
 * bundle signature exactly when {@code ssh-keygen -Y verify -I p -n gosync-bundle} does.
 */
class AllowedSignersDifferentialTest {
    private static final Ed25519KeyPair KEY = KeyPairs.generate("signer");
    private static final Ed25519KeyPair OTHER = KeyPairs.generate("other");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "p KEY",
        "p KEY trailing comment words",
        "  p KEY",
        "\"p\" KEY",
        "p,q KEY",
        "q,p KEY",
        "p namespaces=\"gosync-bundle\" KEY",
        "p NAMESPACES=\"gosync-bundle\" KEY",
        "p namespaces=\"git,gosync-bundle\" KEY",
        "p namespaces=\"gosync-*\" KEY",
        "p namespaces=\"*\" KEY",
        "p namespaces=\"git\" KEY",
        "p namespaces=\"*,!gosync-bundle\" KEY",
        "p namespaces=gosync-bundle KEY",
        "p valid-after=\"20200101\" KEY",
        "p valid-after=\"20200101Z\" KEY",
        "p valid-after=\"29990101\" KEY",
        "p valid-before=\"20200101Z\" KEY",
        "p valid-before=\"29990101120000Z\" KEY",
        "p valid-after=\"20200101Z\",valid-before=\"29990101Z\" KEY",
        "p valid-after=\"20200101Z\",namespaces=\"gosync-bundle\" KEY",
        "p valid-after=\"2020\" KEY",
        "p valid-after=\"29990101Z\",valid-before=\"20200101Z\" KEY",
        "p cert-authority KEY",
        "p unknown-option KEY",
        "p namespaces=\"a\",namespaces=\"b\" KEY",
        "p OTHER\np KEY",
        "p namespaces=\"git\" KEY\np KEY",
        "# only a comment\np KEY",
        "p OTHER",
    })
    void weAcceptALineExactlyWhenSshKeygenDoes(String lines) throws IOException {
        SshKeygen sshKeygen = SshKeygen.require(dir);
        String text = lines.replace("OTHER", OTHER.publicKey().toLine()).replace("KEY", KEY.publicKey().toLine())
                + "\n";
        Path allowed = Files.writeString(dir.resolve("allowed_signers"), text);
        Path data = Files.writeString(dir.resolve("data"), "manifest\n");
        Path sig = Files.write(dir.resolve("data.sig"), new SshSigSigner(KEY).sign(Files.readAllBytes(data)));
        ProcessResult theirs = sshKeygen.run(data, "-Y", "verify", "-f", allowed.toString(), "-I", "p", "-n",
                "gosync-bundle", "-s", sig.toString());
        boolean ours;
        try {
            ours = SshSigVerifier.trusting(allowed).verify(Files.readAllBytes(data), Files.readAllBytes(sig))
                    .principals().stream().anyMatch(p -> SignerPatterns.listMatches("p", p));
        } catch (GosyncException e) {
            ours = false;
        }
        assertEquals(theirs.succeeded(), ours, text + "\n" + theirs.describe());
    }
}
