package dev.gosync.serve.trust;

/**
 * The explicit exceptions an operator may grant to the trust rules. Each is a named command-line
 * flag, and each use is printed and written to the mirror's audit log.
 *
 * @param allowUnsigned accept a bundle that carries no signature ({@value #UNSIGNED_FLAG})
 * @param allowUntrusted accept a bundle whose valid signature comes from a key the trust store
 *     does not know or does not allow for bundles now ({@value #UNTRUSTED_FLAG})
 * @param allowBadSignature accept a bundle whose signature does not verify: damaged, made for
 *     another purpose, or not matching the manifest ({@value #BAD_SIGNATURE_FLAG}); the
 *     manifest's per-file hashes are still checked
 */
public record TrustOverrides(boolean allowUnsigned, boolean allowUntrusted, boolean allowBadSignature) {
    public static final String UNSIGNED_FLAG = "--allow-unsigned";
    public static final String UNTRUSTED_FLAG = "--allow-untrusted";
    public static final String BAD_SIGNATURE_FLAG = "--allow-bad-signature";

    /** No exception: signed by a trusted key, or refused. */
    public static final TrustOverrides NONE = new TrustOverrides(false, false, false);

}
