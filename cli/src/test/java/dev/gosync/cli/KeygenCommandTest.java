package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.ExternalTool;
import dev.gosync.fixtures.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        ExternalTool sshKeygen = ExternalTool.require("ssh-keygen");
        Path key = tmp.resolve("k");
        assertEquals(ExitCodes.OK, CliRun.of("keygen", key.toString()).exitCode());

        ProcessResult derived = sshKeygen.run(tmp, null, "-y", "-f", key.toString()).orThrow();

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
