package dev.gosync.agent.export;

import java.time.Duration;

/**
 * Where an export's time went.
 *
 * @param resolve wall time reading the module graphs
 * @param fetch   wall time downloading and checking the plan's files
 * @param check   time spent hashing and checking files (zip rules, h1, sha256), summed over
 *                every thread, during resolution and fetching; so it may exceed their wall time
 * @param write   wall time writing the bundle (compression, signing, copying)
 * @param total   wall time of the whole export
 */
public record Timings(Duration resolve, Duration fetch, Duration check, Duration write, Duration total) {
}
