package dev.gosync.bundle.archive;

import dev.gosync.bundle.sign.SignatureVerifier;

/**
 * How a reader treats signatures. Signed bundles are verified whenever a verifier is given;
 * unsigned bundles are refused unless {@code allowUnsigned} says otherwise.
 *
 * @param verifier checks signatures against a trust store, or null to skip verification
 *     (then {@code allowUnsigned} must be set: a reader never skips trust silently)
 * @param allowUnsigned whether a bundle without a verified signature may be read
 */
public record TrustPolicy(SignatureVerifier verifier, boolean allowUnsigned) {

    public TrustPolicy {
        if (verifier == null && !allowUnsigned) {
            throw new IllegalArgumentException("a trust policy needs a verifier or must allow unsigned bundles");
        }
    }

    /** Only bundles signed by a key {@code verifier} trusts. */
    public static TrustPolicy requireSignature(SignatureVerifier verifier) {
        return new TrustPolicy(verifier, false);
    }

    /** Any bundle, signed or not, without checking signatures; integrity is still checked. */
    public static TrustPolicy integrityOnly() {
        return new TrustPolicy(null, true);
    }
}
