package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.Processes;
import dev.gosync.fixtures.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesAPrivateKeyOnlyItsOwnerCanReadAndThePublicKeyInSshFormat() throws IOException {
        Path key = tmp.resolve("signing");

        CliRun run = CliRun.of("keygen", "-C", "release-team", key.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String pub = Files.readString(tmp.resolve("signing.pub"));
        assertTrue(pub.startsWith("ssh-ed25519 AAAA") && pub.trim().endsWith(" release-team"), pub);
        assertTrue(run.out().contains("release-team ssh-ed25519 AAAA"), "prints an allowed_signers line:\n" + run.out());
    }

    @Test
    void sshKeygenDerivesTheSamePublicKeyFromThePrivateKeyFile() throws IOException {
        Path sshKeygen = Path.of("/usr/bin/ssh-keygen");
        if (!Files.isExecutable(sshKeygen) && !"true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assumptions.abort("ssh-keygen not installed");
        }
        Path key = tmp.resolve("k");
        assertEquals(ExitCodes.OK, CliRun.of("keygen", key.toString()).exitCode());

        ProcessResult derived = Processes.run(tmp, null, Processes.DEFAULT_TIMEOUT,
                List.of(sshKeygen.toString(), "-y", "-f", key.toString())).orThrow();

        String[] ours = Files.readString(tmp.resolve("k.pub")).trim().split(" ");
        String[] theirs = derived.stdout().trim().split(" ");
        assertEquals(ours[0] + " " + ours[1], theirs[0] + " " + theirs[1]);
    }

    @Test
    void refusesToOverwriteAnExistingKey() throws IOException {
        Path key = tmp.resolve("existing");
        Files.writeString(key, "precious");

        CliRun run = CliRun.of("keygen", key.toString());

        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertEquals("precious", Files.readString(key));
    }
}
