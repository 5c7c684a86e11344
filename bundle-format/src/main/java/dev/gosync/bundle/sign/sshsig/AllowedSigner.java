package dev.gosync.bundle.sign.sshsig;

import dev.gosync.bundle.sign.sshkey.SshPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of an allowed_signers file.
 *
 * @param line its line number, for messages
 * @param principals who the key speaks for (patterns allowed, as written)
 * @param certAuthority whether the line names a certificate authority rather than a signing key;
 *     such lines are kept for messages but never authorize a signature here
 * @param namespaces pattern list restricting the namespaces the key may sign for, or null
 * @param validAfter the key is trusted only from this time on, or null
 * @param validBefore the key is trusted only until this time, or null
 * @param key the public key
 */
public record AllowedSigner(
        int line,
        List<String> principals,
        boolean certAuthority,
        String namespaces,
        Instant validAfter,
        Instant validBefore,
        SshPublicKey key) {

    public AllowedSigner {
        principals = List.copyOf(principals);
    }

    /** Why this line does not allow a signature for {@code namespace} made at {@code time}, if it does not. */
    public Optional<String> refusal(String namespace, Instant time) {
        if (namespaces != null && !SignerPatterns.listMatches(namespace, namespaces)) {
            return Optional.of("line " + line + " allows this key only for namespaces \"" + namespaces + "\", not \""
                    + namespace + "\"");
        }
        if (validAfter != null && time.getEpochSecond() < validAfter.getEpochSecond()) {
            return Optional.of("line " + line + " trusts this key only from " + validAfter + " on (now " + time + ")");
        }
        if (validBefore != null && time.getEpochSecond() > validBefore.getEpochSecond()) {
            return Optional.of("line " + line + " trusted this key only until " + validBefore + " (now " + time + ")");
        }
        return Optional.empty();
    }
}
