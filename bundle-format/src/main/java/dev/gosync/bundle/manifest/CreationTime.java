package dev.gosync.bundle.manifest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The created time of a new bundle: {@code SOURCE_DATE_EPOCH} when the environment sets it
 * (see reproducible-builds.org), so that rebuilding a bundle from the same inputs gives the
 * same bytes; otherwise the clock, truncated to whole seconds.
 */
public final class CreationTime {
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    private CreationTime() {
    }

    public static Instant resolve(Map<String, String> environment, Clock clock) {
        String epoch = environment.get(SOURCE_DATE_EPOCH);
        if (epoch == null || epoch.isEmpty()) {
            return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        }
        if (!epoch.matches("[0-9]{1,12}")) {
            throw new ManifestException(SOURCE_DATE_EPOCH + "=" + BundlePath.quote(epoch) + " is not a number of "
                    + "seconds since 1970-01-01T00:00:00Z", "set it to an integer, e.g. $(git log -1 --format=%ct)");
        }
        return Instant.ofEpochSecond(Long.parseLong(epoch));
    }
}
