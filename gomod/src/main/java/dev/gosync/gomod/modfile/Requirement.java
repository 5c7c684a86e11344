package dev.gosync.gomod.modfile;

import dev.gosync.gomod.module.ModuleVersion;

/**
 * A {@code require} directive.
 *
 * @param module   the required module at its canonical version
 * @param indirect whether the line is marked {@code // indirect}: its first end-of-line comment
 *                 is exactly {@code indirect}, or starts with the word {@code indirect;}
 */
public record Requirement(ModuleVersion module, boolean indirect) {
}
