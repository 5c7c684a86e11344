package dev.gosync.serve.mirror;

import java.time.Instant;
import java.util.List;

/**
 * A bundle as the mirror's index remembers it.
 *
 * @param id the bundle id
 * @param state {@code complete}, or {@code publishing} while an import is between its index
 *     record and its last rename (a crash leaves it so until the next import finishes or
 *     discards it)
 * @param channel its channel
 * @param sequence its sequence number in the channel
 * @param parent the id of the bundle it follows, or null
 * @param created when it was made
 * @param signer the signing key's fingerprint, or {@code unsigned}
 * @param principals the trust store's names for the signer
 * @param tool what wrote it
 * @param bundleName the file it was imported from
 * @param files how many files it carried
 * @param bytes their total size
 * @param newFiles how many of them the mirror did not hold before
 * @param importedAt when it was imported
 * @param operator who imported it
 * @param overrides the overrides its import needed
 */
public record ImportedBundle(String id, String state, String channel, long sequence, String parent, Instant created,
        String signer, List<String> principals, String tool, String bundleName, int files, long bytes, int newFiles,
        Instant importedAt, String operator, List<String> overrides) {

    public static final String COMPLETE = "complete";
    public static final String PUBLISHING = "publishing";

    public ImportedBundle {
        principals = List.copyOf(principals);
        overrides = List.copyOf(overrides);
    }

    public boolean complete() {
        return COMPLETE.equals(state);
    }
}
