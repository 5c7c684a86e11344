package dev.gosync.agent.checksum;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import java.util.List;

/**
 * Decides whether the h1 hash of a module file that is about to be used is the one on record.
 * Implementations must be safe to call from several threads at once.
 */
@FunctionalInterface
public interface ChecksumVerifier {
    /** Accepts everything: no records to compare with. */
    ChecksumVerifier NONE = (module, kind, h1, origin) -> {
    };

    /**
     * Checks one hash. Having no record of the module is not an error: a record that disagrees is.
     *
     * @param module the module version, as fetched (a replacement's own coordinates)
     * @param kind   {@link LayoutPath.Kind#MOD} or {@link LayoutPath.Kind#ZIP}
     * @param h1     the hash computed from the bytes
     * @param origin where the bytes came from, credentials redacted, for the message
     * @throws ChecksumMismatchException when a record holds another hash
     */
    void verify(ModuleVersion module, LayoutPath.Kind kind, String h1, String origin);

    /** A verifier that asks each of {@code verifiers} in turn. */
    static ChecksumVerifier all(List<ChecksumVerifier> verifiers) {
        List<ChecksumVerifier> copy = List.copyOf(verifiers);
        return (module, kind, h1, origin) -> copy.forEach(v -> v.verify(module, kind, h1, origin));
    }
}
