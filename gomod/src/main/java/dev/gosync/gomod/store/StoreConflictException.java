package dev.gosync.gomod.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Files that would change a module version already stored. Module versions are immutable: the
 * same version with other bytes is a conflict, never an overwrite, and nothing of the
 * transaction is written.
 */
public class StoreConflictException extends StoreException {
    private final transient List<Conflict> conflicts;

    /**
     * One file in conflict.
     *
     * @param relativePath   the file's layout path
     * @param storedSha256   the SHA-256 of the bytes already there
     * @param offeredSha256  the SHA-256 of the bytes that were refused
     */
    public record Conflict(String relativePath, String storedSha256, String offeredSha256) {
    }

    public StoreConflictException(String where, List<Conflict> conflicts) {
        super(conflicts.size() + " file(s) in " + where + " would change, but a stored module version never changes:"
                        + conflicts.stream()
                        .map(c -> "\n  " + c.relativePath() + ": stored sha256 " + c.storedSha256()
                                + ", offered sha256 " + c.offeredSha256())
                        .collect(Collectors.joining()),
                "nothing was written; find out which source is wrong (compare with go.sum or the checksum database)"
                        + " before removing stored files by hand",
                null);
        this.conflicts = List.copyOf(conflicts);
    }

    /** Every conflicting file, in the order the transaction put them. */
    public List<Conflict> conflicts() {
        return conflicts;
    }
}
