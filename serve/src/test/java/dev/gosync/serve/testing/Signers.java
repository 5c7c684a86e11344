package dev.gosync.serve.testing;

import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Signing keys made on the spot, and allowed_signers files that trust them. */
public final class Signers {
    private Signers() {
    }

    public static Ed25519KeyPair key(String name) {
        return KeyPairs.generate(name);
    }

    public static SshSigSigner signer(Ed25519KeyPair key) {
        return new SshSigSigner(key);
    }

    /** The allowed_signers line that trusts {@code key} as {@code principal}. */
    public static String line(String principal, Ed25519KeyPair key) {
        return principal + " " + key.publicKey().toLine().strip() + "\n";
    }

    /** Writes an allowed_signers file trusting each key under its comment. */
    public static Path trustStore(Path file, Ed25519KeyPair... keys) {
        StringBuilder text = new StringBuilder("# test trust store\n");
        for (Ed25519KeyPair key : keys) {
            text.append(line(key.comment(), key));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
