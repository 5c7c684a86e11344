package dev.gosync.serve.importer;

import dev.gosync.serve.trust.BundleTrust;
import java.time.Clock;
import java.util.Objects;

/**
 * How to judge bundles.
 *
 * @param trust the trust store and trust overrides
 * @param allowRollback accept a bundle older than its channel's newest (logged; the channel does not move back)
 * @param allowMissingParent accept a bundle whose parent was never imported (logged)
 * @param operator who runs the import, for the audit log
 * @param clock the time of the audit log and of signature validity
 */
public record ImportOptions(BundleTrust trust, boolean allowRollback, boolean allowMissingParent, String operator,
        Clock clock) {

    public ImportOptions {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(clock, "clock");
    }

    /** Trust only, no chain overrides, the process's user and the system clock. */
    public static ImportOptions of(BundleTrust trust) {
        return new ImportOptions(trust, false, false, currentOperator(), Clock.systemUTC());
    }

    public ImportOptions withChainOverrides(boolean rollback, boolean missingParent) {
        return new ImportOptions(trust, rollback, missingParent, operator, clock);
    }

    /** The operating-system user running this process. */
    public static String currentOperator() {
        return System.getProperty("user.name", "unknown");
    }
}
