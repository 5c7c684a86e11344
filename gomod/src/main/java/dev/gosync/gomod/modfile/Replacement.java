package dev.gosync.gomod.modfile;

import dev.gosync.gomod.module.ModuleVersion;

/**
 * A {@code replace} directive.
 *
 * @param old    the module replaced; an empty version means every version of it
 * @param target what replaces it: a module at a canonical version, or, with an empty version, a
 *               directory (relative to the file's directory unless rooted)
 */
public record Replacement(ModuleVersion old, ModuleVersion target) {
    public boolean coversAllVersions() {
        return old.version().isEmpty();
    }

    public boolean isDirectory() {
        return target.version().isEmpty();
    }
}
