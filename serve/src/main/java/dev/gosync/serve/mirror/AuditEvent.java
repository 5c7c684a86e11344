package dev.gosync.serve.mirror;

import java.time.Instant;

/**
 * One line of the mirror's audit log.
 *
 * @param number its position in the log, from 1
 * @param time when it happened
 * @param operator who caused it (the operating-system user)
 * @param action what happened, one of the constants of this record
 * @param bundleId the bundle concerned, or null
 * @param detail a human-readable account
 */
public record AuditEvent(long number, Instant time, String operator, String action, String bundleId, String detail) {
    /** A bundle's files were published and indexed. */
    public static final String IMPORTED = "imported";
    /** A bundle was offered again after its import; nothing changed. */
    public static final String ALREADY_IMPORTED = "already-imported";
    /** A bundle was refused; nothing changed. */
    public static final String REFUSED = "refused";
    /** A trust or chain rule was overridden by a flag for a bundle that was then imported. */
    public static final String OVERRIDE = "override";
    /** An import interrupted after its files were published was completed by a later one. */
    public static final String RECOVERED = "recovered";
    /** An import interrupted before its files were published was discarded by a later one. */
    public static final String DISCARDED = "discarded";
}
