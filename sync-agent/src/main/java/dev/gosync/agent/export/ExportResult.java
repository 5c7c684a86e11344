package dev.gosync.agent.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an export did.
 *
 * @param dryRun          whether this was only a plan: then nothing was written and the bundle
 *                        fields are empty
 * @param bundleId        the written bundle's id
 * @param bundleFiles     the bundle file, or its parts followed by the part index
 * @param compressedBytes the size of the written bundle
 * @param channel         the bundle's channel
 * @param sequence        its sequence number in the channel
 * @param parent          the id of the bundle it follows, if any
 * @param files           how many module files the bundle carries
 * @param bytes           their total size, uncompressed
 * @param alreadyShipped  files left out because the channel carried them before
 * @param downloadedFiles files fetched from the source in this run (not from the cache)
 * @param downloadedBytes their total size
 * @param sources         where the files came from, credentials redacted
 * @param modules         every module version of the plan, sorted by path and version
 * @param timings         where the time went
 */
public record ExportResult(boolean dryRun, Optional<String> bundleId, List<Path> bundleFiles, long compressedBytes,
                           String channel, long sequence, Optional<String> parent, int files, long bytes,
                           int alreadyShipped, int downloadedFiles, long downloadedBytes, List<String> sources,
                           List<ModuleRow> modules, Timings timings) {
    public ExportResult {
        Objects.requireNonNull(bundleId, "bundleId");
        bundleFiles = List.copyOf(bundleFiles);
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(parent, "parent");
        sources = List.copyOf(sources);
        modules = List.copyOf(modules);
        Objects.requireNonNull(timings, "timings");
    }
}
