package dev.gosync.bundle.sign.sshsig;

import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.SignatureException.Reason;
import dev.gosync.bundle.sign.SignatureVerifier;
import dev.gosync.bundle.sign.VerifiedSigner;
import dev.gosync.bundle.sign.sshkey.KeyFormatException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Verifies manifest signatures as {@code ssh-keygen -Y verify -n gosync-bundle -f allowed_signers}
 * would: the signature must be well-formed, made for the bundle namespace, match the data, and
 * come from a key the allowed_signers file trusts for that namespace at the current time.
 * Unlike {@code ssh-keygen}, no principal needs to be named up front: all principals that the
 * store grants the key are returned, for the caller to check or log.
 */
public final class SshSigVerifier implements SignatureVerifier {
    private final AllowedSigners trustStore;
    private final Clock clock;

    public SshSigVerifier(AllowedSigners trustStore, Clock clock) {
        this.trustStore = trustStore;
        this.clock = clock;
    }

    /** A verifier trusting the allowed_signers file {@code file}, at the system clock's time. */
    public static SshSigVerifier trusting(Path allowedSignersFile) {
        return new SshSigVerifier(AllowedSigners.load(allowedSignersFile), Clock.systemUTC());
    }

    @Override
    public String scheme() {
        return SshSigSigner.SCHEME;
    }

    @Override
    public VerifiedSigner verify(byte[] data, byte[] signature) {
        SshSignature sig = SshSignature.parse(signature);
        if (!sig.namespace().equals(SshSignature.BUNDLE_NAMESPACE)) {
            throw new SignatureException(Reason.WRONG_NAMESPACE, "the signature was made for namespace \""
                    + sig.namespace() + "\", not \"" + SshSignature.BUNDLE_NAMESPACE + "\": it is not a bundle signature",
                    "sign bundles with ssh-keygen -Y sign -n " + SshSignature.BUNDLE_NAMESPACE + " or gosync");
        }
        if (!MessageHash.supported(sig.hashAlgorithm())) {
            throw new SignatureException(Reason.MALFORMED, "the signature uses hash algorithm \"" + sig.hashAlgorithm()
                    + "\"; SSHSIG allows sha256 and sha512", "sign the bundle again with ssh-keygen or gosync");
        }
        // Like ssh-keygen, verify over an empty reserved field whatever the blob carries there.
        byte[] signed = SshSignature.signedData(sig.namespace(), new byte[0], sig.hashAlgorithm(),
                MessageHash.of(sig.hashAlgorithm(), data));
        boolean valid;
        try {
            valid = sig.publicKey().verifies(signed, sig.signature());
        } catch (KeyFormatException e) {
            throw new SignatureException(Reason.MALFORMED, "the signature carries an unusable key: " + e.getMessage(),
                    "obtain the bundle again", e);
        }
        if (!valid) {
            throw new SignatureException(Reason.BAD_SIGNATURE, "the signature by key " + sig.publicKey().fingerprint()
                    + " does not match the manifest: the manifest or its signature was altered",
                    "do not use this bundle; obtain it again from its source");
        }
        return trustStore.authorize(sig.publicKey(), sig.namespace(), clock.instant());
    }
}
