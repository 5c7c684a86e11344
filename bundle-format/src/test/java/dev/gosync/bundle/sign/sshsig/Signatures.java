package dev.gosync.bundle.sign.sshsig;

import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;

/** Signatures with chosen namespace and hash, which our signer never makes, for tests. */
final class Signatures {

    private Signatures() {
    }

    static byte[] sign(Ed25519KeyPair key, byte[] data, String namespace, String hash) {
        byte[] reserved = new byte[0];
        byte[] signed = SshSignature.signedData(namespace, reserved, hash, MessageHash.of(hash, data));
        return new SshSignature(key.publicKey(), namespace, reserved, hash, "ssh-ed25519", key.sign(signed)).armored();
    }
}
