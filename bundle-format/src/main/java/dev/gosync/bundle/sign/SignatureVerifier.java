package dev.gosync.bundle.sign;

/** Checks detached signatures against a trust store. */
public interface SignatureVerifier {

    /** The scheme this verifier understands, as recorded in manifests. */
    String scheme();

    /**
     * Verifies {@code signature} over {@code data} and returns who made it.
     *
     * @throws SignatureException when the signature is malformed, does not match the data,
     *     or was made by a key the trust store does not accept
     */
    VerifiedSigner verify(byte[] data, byte[] signature);
}
