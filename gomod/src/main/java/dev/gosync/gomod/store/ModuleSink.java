package dev.gosync.gomod.store;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.InputStream;

/**
 * Where a copy of modules goes: a mirror directory, a bundle. Files are put one by one and become
 * visible together on {@link #commit()}, or not at all; a sink that is closed without a commit
 * discards what was put.
 */
public interface ModuleSink extends AutoCloseable {
    /**
     * Takes in one file of a module version, reading content to its end (the caller closes it).
     *
     * @param kind {@link LayoutPath.Kind#INFO}, {@link LayoutPath.Kind#MOD} or
     *             {@link LayoutPath.Kind#ZIP}
     * @return where the file goes, its size and hashes
     * @throws IllegalArgumentException if kind is not a per-version file
     * @throws dev.gosync.gomod.GosyncException if the module version is invalid, the content is
     *                                          unacceptable or cannot be read or stored
     */
    StoredFile put(ModuleVersion version, LayoutPath.Kind kind, InputStream content);

    /**
     * Makes everything put visible. The sink cannot be used afterwards, whether or not the commit
     * succeeds.
     *
     * @throws dev.gosync.gomod.GosyncException if the files cannot be stored, or conflict with
     *                                          what the sink already holds
     */
    void commit();

    /** Discards everything put; does nothing once committed or aborted. */
    void abort();

    /** Aborts unless committed. */
    @Override
    void close();
}
