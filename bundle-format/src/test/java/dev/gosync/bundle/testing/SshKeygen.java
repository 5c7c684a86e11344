package dev.gosync.bundle.testing;

import dev.gosync.fixtures.ProcessResult;
import java.nio.file.Path;

/** The real {@code ssh-keygen}, our oracle for SSH keys and signatures; see {@link ExternalTool}. */
public final class SshKeygen {
    private final ExternalTool tool;

    private SshKeygen(ExternalTool tool) {
        this.tool = tool;
    }

    public static SshKeygen require(Path home) {
        return new SshKeygen(ExternalTool.require("ssh-keygen", home));
    }

    public ProcessResult run(Path stdin, String... args) {
        return tool.run(stdin, args);
    }

    /** A new Ed25519 key without passphrase at {@code file} (and {@code file.pub}). */
    public void generateEd25519(Path file, String comment) {
        run(null, "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file.toString()).orThrow();
    }
}
