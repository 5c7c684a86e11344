package dev.gosync.serve.trust;

import java.util.List;

/** How a bundle's signer is shown to people: the trust store's principals for the key, then the key. */
public final class SignerName {
    private SignerName() {
    }

    /**
     * {@code alice,bob (SHA256:...)} when the trust store names the key, the key alone otherwise
     * (an unsigned or untrusted bundle).
     */
    public static String of(String signer, List<String> principals) {
        return principals.isEmpty() ? signer : String.join(",", principals) + " (" + signer + ")";
    }
}
