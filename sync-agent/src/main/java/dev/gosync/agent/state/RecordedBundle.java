package dev.gosync.agent.state;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A bundle the state file recorded as written.
 *
 * @param id the bundle id
 * @param channel its channel
 * @param sequence its sequence number in the channel
 * @param parent the previous bundle's id, or null
 * @param created the manifest's creation time
 * @param fileCount how many files it carries
 * @param bytes the files' total size, uncompressed
 * @param writtenAt when it was recorded
 * @param output where it was written: the bundle file, or the base name of a split bundle
 */
public record RecordedBundle(String id, String channel, long sequence, String parent, Instant created,
        int fileCount, long bytes, Instant writtenAt, Path output) {
}
