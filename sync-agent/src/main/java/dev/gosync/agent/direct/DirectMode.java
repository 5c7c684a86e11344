package dev.gosync.agent.direct;

import dev.gosync.agent.proxy.UnavailableDirectSource;
import dev.gosync.gomod.store.ModuleSource;

/**
 * How an export serves {@code direct} in GOPROXY and the modules matching GONOPROXY: opened once
 * per export with what the export knows. A source that is {@link AutoCloseable} is closed by the
 * export when it ends.
 */
@FunctionalInterface
public interface DirectMode {
    /** No direct mode: every request fails with a pointer to a proxy. */
    DirectMode UNAVAILABLE = context -> UnavailableDirectSource.INSTANCE;

    ModuleSource open(DirectContext context);

    /** A mode that always serves the given source (tests, fixed setups). */
    static DirectMode of(ModuleSource source) {
        return context -> source;
    }
}
