package dev.gosync.bundle.sign;

import dev.gosync.gomod.GosyncException;

/** A signature was absent, unreadable, wrong, or made by a key that is not trusted. */
public class SignatureException extends GosyncException {

    /** Why the signature was refused. */
    public enum Reason {
        /** There is no signature, and unsigned bundles were not allowed. */
        UNSIGNED,
        /** The signature is not a well-formed signature of the expected scheme. */
        MALFORMED,
        /** Well-formed, but made with a key type or certificate this verifier does not support. */
        UNSUPPORTED_KEY,
        /** Made for another purpose (another SSHSIG namespace), so not a bundle signature. */
        WRONG_NAMESPACE,
        /** The signature does not match the data: the data or the signature was altered. */
        BAD_SIGNATURE,
        /** The signature is valid, but the trust store does not know the key. */
        UNKNOWN_SIGNER,
        /** The trust store knows the key but not for this use: namespace or validity time. */
        SIGNER_NOT_ALLOWED
    }

    private final Reason reason;

    public SignatureException(Reason reason, String message, String remedy) {
        this(reason, message, remedy, null);
    }

    public SignatureException(Reason reason, String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
