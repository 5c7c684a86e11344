package dev.gosync.bundle.sign.sshkey;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An Ed25519 private key (its 32-byte seed) with its public key. Never printed: {@link #toString}
 * shows the public half only.
 */
public final class Ed25519KeyPair {
    private static final byte[] PROBE = "gosync key pair consistency probe".getBytes(StandardCharsets.US_ASCII);

    private final byte[] seed;
    private final SshPublicKey publicKey;

    /**
     * @throws KeyFormatException when {@code publicRaw} is not the public key of {@code seed};
     *     checked by signing a probe, because the JDK offers no direct way to derive it
     */
    Ed25519KeyPair(byte[] seed, byte[] publicRaw, String comment) {
        if (seed.length != Ed25519.KEY_BYTES || publicRaw.length != Ed25519.KEY_BYTES) {
            throw new KeyFormatException("an Ed25519 key has a 32-byte seed and a 32-byte public key",
                    "generate the key again with ssh-keygen -t ed25519");
        }
        this.seed = seed.clone();
        this.publicKey = SshPublicKey.ed25519(publicRaw, comment);
        if (!publicKey.verifies(PROBE, sign(PROBE))) {
            throw new KeyFormatException("the private and public halves of Ed25519 key " + publicKey.fingerprint()
                    + " do not belong together", "the key file is damaged; generate the key again");
        }
    }

    public SshPublicKey publicKey() {
        return publicKey;
    }

    public String comment() {
        return publicKey.comment();
    }

    /** The 64-byte Ed25519 signature of {@code message} (deterministic, RFC 8032). */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(seed, message);
    }

    byte[] seed() {
        return seed.clone();
    }

    byte[] publicRaw() {
        return publicKey.raw();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519KeyPair other && Arrays.equals(seed, other.seed)
                && publicKey.equals(other.publicKey);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "Ed25519KeyPair[" + publicKey + "]";
    }
}
