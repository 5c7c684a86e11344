package dev.gosync.bundle.sign.sshsig;

import dev.gosync.bundle.sign.BundleSigner;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.OpenSshKeyFile;
import java.nio.file.Path;

/**
 * Signs manifests as {@code ssh-keygen -Y sign -n gosync-bundle -f KEY} would: SSHSIG over the
 * SHA-512 of the data, armored. Ed25519 signatures are deterministic, so equal data and key give
 * an equal signature, byte for byte, here and in {@code ssh-keygen}.
 */
public final class SshSigSigner implements BundleSigner {
    /** The scheme name recorded in manifests signed this way. */
    public static final String SCHEME = "sshsig";
    static final String HASH_ALGORITHM = "sha512";

    private final Ed25519KeyPair key;

    public SshSigSigner(Ed25519KeyPair key) {
        this.key = key;
    }

    /** A signer with the unencrypted OpenSSH Ed25519 private key in {@code keyFile}. */
    public static SshSigSigner fromKeyFile(Path keyFile) {
        return new SshSigSigner(OpenSshKeyFile.read(keyFile));
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public byte[] sign(byte[] data) {
        byte[] reserved = new byte[0];
        byte[] toSign = SshSignature.signedData(SshSignature.BUNDLE_NAMESPACE, reserved, HASH_ALGORITHM,
                MessageHash.of(HASH_ALGORITHM, data));
        return new SshSignature(key.publicKey(), SshSignature.BUNDLE_NAMESPACE, reserved, HASH_ALGORITHM,
                key.publicKey().type(), key.sign(toSign)).armored();
    }
}
