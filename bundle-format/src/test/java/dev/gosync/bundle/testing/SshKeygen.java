package dev.gosync.bundle.testing;

import dev.gosync.fixtures.ExternalTool;
import dev.gosync.fixtures.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real {@code ssh-keygen}, our oracle for SSH keys and signatures; see {@link ExternalTool}. */
public final class SshKeygen {
    private final ExternalTool tool;
    private final Path home;

    private SshKeygen(ExternalTool tool, Path home) {
        this.tool = tool;
        this.home = home;
    }

    /** ssh-keygen run in {@code home}, which is also its HOME, so the developer's ~/.ssh takes no part. */
    public static SshKeygen require(Path home) {
        return new SshKeygen(ExternalTool.require("ssh-keygen"), home);
    }

    /** Runs ssh-keygen with {@code args}, stdin from the file {@code stdin} (or nothing). */
    public ProcessResult run(Path stdin, String... args) {
        try {
            return tool.run(home, stdin == null ? null : Files.readAllBytes(stdin), args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new Ed25519 key without passphrase at {@code file} (and {@code file.pub}). */
    public void generateEd25519(Path file, String comment) {
        run(null, "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file.toString()).orThrow();
    }
}
