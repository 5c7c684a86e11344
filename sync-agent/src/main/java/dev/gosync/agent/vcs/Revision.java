package dev.gosync.agent.vcs;

import java.time.Instant;
import java.util.List;

/**
 * One commit as the repository layer reports it (the go command's {@code codehost.RevInfo}).
 *
 * @param hash    the full commit hash
 * @param time    the committer time, whole seconds
 * @param tags    the tags pointing at the commit (annotated ones peeled), sorted, without {@code refs/tags/}
 * @param version the revision asked for when it is one of those tags, else the full hash
 * @param ref     the ref the lookup went through ({@code refs/tags/v1.0.0}, {@code refs/heads/main},
 *                {@code HEAD}), or "" when none was involved
 */
record Revision(String hash, Instant time, List<String> tags, String version, String ref) {
    /** Pseudo-versions carry the first 12 hex digits of the hash, whatever the hash length. */
    static final int SHORT_LENGTH = 12;

    Revision {
        tags = List.copyOf(tags);
    }

    String shortHash() {
        return hash.substring(0, SHORT_LENGTH);
    }

    Revision withRef(String newRef) {
        return new Revision(hash, time, tags, version, newRef);
    }
}
