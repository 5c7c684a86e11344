package dev.gosync.agent.cache;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A module file present and checked in the download cache.
 *
 * @param module       the module version
 * @param kind         {@code INFO}, {@code MOD} or {@code ZIP}
 * @param relativePath its GOPROXY layout path, escaped
 * @param file         where it is on disk
 * @param size         its length in bytes
 * @param sha256       the SHA-256 of its bytes, lower-case hex
 * @param h1           its go.sum hash for {@code .mod} and {@code .zip}, null for {@code .info}
 * @param downloaded   whether this run fetched it from the source (false: it was cached before)
 */
public record CachedFile(ModuleVersion module, LayoutPath.Kind kind, String relativePath, Path file, long size,
                         String sha256, String h1, boolean downloaded) {
    public CachedFile {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }
}
