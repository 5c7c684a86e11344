package dev.gosync.agent.cache;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;

/**
 * Hears what a {@link DownloadCache} does, for progress displays. Called from the threads that
 * fetch, several at once: implementations must be thread-safe and quick.
 */
public interface DownloadListener {
    /** A file is not in the cache and is being fetched from the source. */
    default void downloading(ModuleVersion module, LayoutPath.Kind kind) {
    }

    /** Another {@code bytes} of a download arrived. */
    default void received(long bytes) {
    }

    /**
     * A file was handed out, present and checked; once per request, so a file asked for twice is
     * reported twice. {@link CachedFile#downloaded()} tells whether it came from the source in this run.
     */
    default void ready(CachedFile file) {
    }
}
