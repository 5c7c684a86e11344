package dev.gosync.gomod.resolve;

import dev.gosync.gomod.modfile.ModFile;
import dev.gosync.gomod.modfile.Requirement;
import dev.gosync.gomod.module.ModuleVersion;
import java.util.List;
import java.util.Set;

/**
 * What the graph loader needs from one go.mod file.
 *
 * @param modulePath   the path the file declares; "" when it has no {@code module} line
 * @param goLine       the {@code go} version; "" when absent
 * @param requirements the {@code require} lines in file order
 */
record ModSummary(String modulePath, String goLine, List<ModuleVersion> requirements) {
    ModSummary {
        requirements = List.copyOf(requirements);
    }

    static ModSummary of(ModFile file) {
        return new ModSummary(file.modulePath().orElse(""), file.goVersion().orElse(""),
                file.requirements().stream().map(Requirement::module).toList());
    }

    Pruning pruning() {
        return Pruning.of(goLine);
    }

    /** The same summary without requirements on excluded versions: exclusion drops edges, it never bumps them. */
    ModSummary without(Set<ModuleVersion> excluded) {
        if (excluded.isEmpty() || requirements.stream().noneMatch(excluded::contains)) {
            return this;
        }
        return new ModSummary(modulePath, goLine, requirements.stream().filter(r -> !excluded.contains(r)).toList());
    }
}
