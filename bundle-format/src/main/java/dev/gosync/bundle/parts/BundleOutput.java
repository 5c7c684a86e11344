package dev.gosync.bundle.parts;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a bundle's compressed bytes are written. Nothing is visible under the target names
 * until {@link #commit}: bytes go to temporary files in the target directory, which commit
 * syncs and renames. On failure, {@link #abort} deletes them.
 */
public interface BundleOutput {

    /** One file, {@code target}. */
    static BundleOutput single(Path target) {
        return new SingleFileOutput(target);
    }

    /** Parts of at most {@code maxPartBytes} each plus an index, named after {@code target}. */
    static BundleOutput split(Path target, long maxPartBytes) {
        return new SplitOutput(target, maxPartBytes);
    }

    /** The stream to write to; closing it does not commit. */
    OutputStream stream();

    /**
     * Appends the whole content of {@code file} after what was written to {@link #stream()} (flush
     * that first).
     */
    default void append(Path file) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            OutputStream out = stream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        }
    }

    /** Bytes written so far. */
    long size();

    /**
     * Publishes the written bytes under their final names and returns those files (for a split
     * bundle: the parts in order, then the index).
     *
     * @throws dev.gosync.bundle.BundleException {@code TARGET_EXISTS} when a final name is taken;
     *     checked just before the renames, which replace silently on POSIX systems
     */
    List<Path> commit(String bundleId);

    /** Deletes everything written; safe to call more than once and after a failed commit. */
    void abort();
}
