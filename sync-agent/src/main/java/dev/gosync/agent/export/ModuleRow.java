package dev.gosync.agent.export;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One module version of the export and why it is there.
 *
 * @param module      the module version as the graph names it
 * @param reason      why it is needed ({@code selected}, {@code go.mod only}, {@code queried}, …)
 * @param requiredBy  the module version that first requires it, or the query that named it
 * @param replacement what replaces it ({@code path version} or a directory), if anything
 * @param files       the files it needs; none for a directory replacement
 * @param bytes       the total size of those of its files whose size is known: all of them after
 *                    an export, the cached ones in a dry run
 * @param downloads   how many of its files were downloaded (in a dry run: are still to download)
 */
public record ModuleRow(ModuleVersion module, String reason, ModuleVersion requiredBy, Optional<String> replacement,
                        Set<LayoutPath.Kind> files, long bytes, int downloads) {
    public ModuleRow {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requiredBy, "requiredBy");
        Objects.requireNonNull(replacement, "replacement");
        files = Set.copyOf(files);
    }
}
