package dev.gosync.agent.export;

import dev.gosync.bundle.archive.Compression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to export and how. Build one with {@link #builder(Path)}.
 *
 * @param inputs     the projects and module queries, in the order given; at least one
 * @param output     the bundle file to write (for a split bundle, the base name of its parts)
 * @param proxy      a GOPROXY list that replaces the environment's, if given
 * @param signingKey the OpenSSH Ed25519 private key to sign with; empty for an unsigned bundle
 * @param compression zstd or gzip
 * @param splitSize  the largest part in bytes, or 0 for a single file
 * @param channel    which files go in, and where the bundle sits in its channel
 * @param cacheDir   the download cache; empty for the per-user default ({@link dev.gosync.agent.cache.CacheLocation})
 * @param jobs       how many files are fetched at once
 * @param dryRun     resolve and report the plan, fetching only the go.mod files resolution reads
 */
public record ExportRequest(List<ExportInput> inputs, Path output, Optional<String> proxy, Optional<Path> signingKey,
                            Compression compression, long splitSize, ChannelMode channel, Optional<Path> cacheDir,
                            int jobs, boolean dryRun) {

    public ExportRequest {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("an export needs at least one project or module query");
        }
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (splitSize < 0) {
            throw new IllegalArgumentException("split size must not be negative: " + splitSize);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
        }
    }

    /** Downloads at once by default: twice the processors, since most of the time goes to waiting on the network, at most 8. */
    public static int defaultJobs() {
        return Math.min(8, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** A builder for an unsigned, zstd, single-file, full export to {@code output}. */
    public static Builder builder(Path output) {
        return new Builder(output);
    }

    /** Collects the options; every one has the default {@link #builder} states. */
    public static final class Builder {
        private final List<ExportInput> inputs = new ArrayList<>();
        private final Path output;
        private String proxy;
        private Path signingKey;
        private Compression compression = Compression.ZSTD;
        private long splitSize;
        private ChannelMode channel = new ChannelMode.Full(ChannelMode.DEFAULT_CHANNEL);
        private Path cacheDir;
        private int jobs = defaultJobs();
        private boolean dryRun;

        private Builder(Path output) {
            this.output = output;
        }

        public Builder input(ExportInput input) {
            inputs.add(input);
            return this;
        }

        public Builder inputs(List<ExportInput> more) {
            inputs.addAll(more);
            return this;
        }

        public Builder proxy(String goproxy) {
            this.proxy = goproxy;
            return this;
        }

        public Builder signingKey(Path key) {
            this.signingKey = key;
            return this;
        }

        public Builder compression(Compression compression) {
            this.compression = compression;
            return this;
        }

        public Builder splitSize(long bytes) {
            this.splitSize = bytes;
            return this;
        }

        public Builder channel(ChannelMode mode) {
            this.channel = mode;
            return this;
        }

        public Builder cacheDir(Path dir) {
            this.cacheDir = dir;
            return this;
        }

        public Builder jobs(int jobs) {
            this.jobs = jobs;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public ExportRequest build() {
            return new ExportRequest(inputs, output, Optional.ofNullable(proxy), Optional.ofNullable(signingKey),
                    compression, splitSize, channel, Optional.ofNullable(cacheDir), jobs, dryRun);
        }
    }
}
