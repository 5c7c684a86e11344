package dev.gosync.gomod.resolve;

import dev.gosync.gomod.module.ModuleVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * One module of the build list: the selected version of its path, and what replaces it.
 *
 * @param module      the path and its selected version, as the graph selected it (before replacement)
 * @param replacement the replacement in force for that version, if any
 */
public record BuildListEntry(ModuleVersion module, Optional<ReplacementTarget> replacement) {
    public BuildListEntry {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(replacement, "replacement");
    }

    /** The line {@code go list -m all} prints: {@code path version}, then {@code => target} when replaced. */
    public String listLine() {
        return module.path() + " " + module.version() + replacement.map(r -> " => " + r.display()).orElse("");
    }
}
