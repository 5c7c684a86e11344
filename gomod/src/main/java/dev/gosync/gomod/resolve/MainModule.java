package dev.gosync.gomod.resolve;

import dev.gosync.gomod.modfile.ModFile;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A module whose requirements are the starting point of resolution.
 *
 * @param path  the path its go.mod declares
 * @param dir   the directory holding its go.mod; empty for a module version fetched from a source
 *              and resolved as if it were the main module (see {@link Resolver#resolve(ResolvedQuery)})
 * @param goMod its go.mod: parsed strictly when read from a directory, laxly when fetched
 */
public record MainModule(String path, Optional<Path> dir, ModFile goMod) {
    public MainModule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(goMod, "goMod");
    }

    /** The go line, or "" when there is none. */
    public String goLine() {
        return goMod.goVersion().orElse("");
    }
}
