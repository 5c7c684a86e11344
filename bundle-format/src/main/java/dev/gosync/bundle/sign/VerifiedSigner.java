package dev.gosync.bundle.sign;

import java.util.List;

/**
 * The signer of a verified signature, as the trust store names it.
 *
 * @param principals the principals the trust store grants this key (may contain patterns,
 *     exactly as written in the store), in the store's order
 * @param keyType e.g. {@code ssh-ed25519}
 * @param fingerprint the key's fingerprint in the form its tools print, e.g. {@code SHA256:...}
 */
public record VerifiedSigner(List<String> principals, String keyType, String fingerprint) {

    public VerifiedSigner {
        principals = List.copyOf(principals);
    }
}
