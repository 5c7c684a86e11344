package dev.gosync.agent.export;

import dev.gosync.agent.cache.DownloadListener;

/**
 * Hears an export's progress, for displays. The download events come from several fetching
 * threads at once: implementations must be thread-safe and must not block.
 */
public interface ExportListener extends DownloadListener {
    /** Hears nothing. */
    ExportListener NONE = new ExportListener() {
    };

    /** The steps of an export, in order. */
    enum Phase {
        /** Reading go.mod files to find the module graph of every input. */
        RESOLVE,
        /** Downloading and checking the files of the plan. */
        FETCH,
        /** Writing the bundle. */
        WRITE
    }

    /** A step begins. */
    default void phase(Phase phase) {
    }

    /** One input is resolved; {@code modules} module versions are in its plan. */
    default void resolved(ExportInput input, int modules) {
    }

    /** The plan is complete: this many module versions and files, of which {@code cached} files are already in the cache. */
    default void planned(int modules, int files, int cached) {
    }
}
