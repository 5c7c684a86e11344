package dev.gosync.bundle.sign.sshkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.testing.SshKeygen;
import dev.gosync.fixtures.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys written by us are read by ssh-keygen and the other way round, byte for byte. */
class SshKeygenKeyInteropTest {
    @TempDir
    Path dir;
    private SshKeygen sshKeygen;

    @BeforeEach
    void findSshKeygen() {
        sshKeygen = SshKeygen.require(dir);
    }

    @Test
    void weReadKeysThatSshKeygenMakes() throws IOException {
        Path file = dir.resolve("id_ed25519");
        sshKeygen.generateEd25519(file, "made by ssh-keygen");
        Ed25519KeyPair key = OpenSshKeyFile.read(file);
        assertEquals(SshPublicKey.parse(Files.readString(dir.resolve("id_ed25519.pub"))), key.publicKey());
        assertEquals("made by ssh-keygen", key.comment());
    }

    @Test
    void weFormatKeysExactlyAsSshKeygenDoes() throws IOException {
        Path file = dir.resolve("id_ed25519");
        sshKeygen.generateEd25519(file, "byte for byte");
        String text = Files.readString(file);
        // The check word is random; take ssh-keygen's so both files must agree on everything else.
        assertEquals(text, OpenSshKeyFile.format(OpenSshKeyFile.read(file), checkWord(text)));
        assertEquals(Files.readString(dir.resolve("id_ed25519.pub")),
                OpenSshKeyFile.read(file).publicKey().toLine() + "\n");
    }

    @Test
    void sshKeygenReadsKeysWeWrite() {
        Ed25519KeyPair key = KeyPairs.generate("written by gosync");
        Path file = dir.resolve("signing-key");
        KeyPairs.write(key, file);
        ProcessResult derived = sshKeygen.run(null, "-y", "-f", file.toString()).orThrow();
        assertTrue(SshPublicKey.parse(derived.stdout()).sameKey(key.publicKey()), derived.describe());
        ProcessResult fingerprint = sshKeygen.run(null, "-l", "-f", file + ".pub").orThrow();
        assertTrue(fingerprint.stdout().contains(key.publicKey().fingerprint()), fingerprint.describe());
        assertTrue(fingerprint.stdout().contains("written by gosync"), fingerprint.describe());
    }

    @Test
    void aPassphraseProtectedKeyFromSshKeygenIsRefusedWithAdvice() {
        Path file = dir.resolve("encrypted");
        sshKeygen.run(null, "-q", "-t", "ed25519", "-N", "a passphrase", "-f", file.toString()).orThrow();
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> OpenSshKeyFile.read(file));
        assertTrue(e.getMessage().contains("protected by a passphrase"), e.getMessage());
        assertTrue(e.remedy().contains("ssh-agent is not supported yet"), e.remedy());
    }

    private static int checkWord(String keyFileText) {
        String base64 = keyFileText.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] data = Base64.getDecoder().decode(base64);
        WireReader in = new WireReader(Arrays.copyOfRange(data, 15, data.length), "test");
        in.string();
        in.string();
        in.string();
        in.uint32();
        in.string();
        return (int) new WireReader(in.string(), "test").uint32();
    }
}
