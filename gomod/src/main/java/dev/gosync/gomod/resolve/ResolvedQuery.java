package dev.gosync.gomod.resolve;

import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.RevInfo;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a module query, with what resolving it read from the source.
 *
 * @param query      what was asked
 * @param module     the module version it resolved to
 * @param info       the revision info of that version, as the source gave it
 * @param listRead   whether the module's version list was consulted
 * @param goModsRead the other versions whose go.mod the query read: the latest version's (for its
 *                   retractions) and the highest compatible version's (to decide whether
 *                   {@code +incompatible} versions count)
 */
public record ResolvedQuery(ModuleQuery query, ModuleVersion module, RevInfo info, boolean listRead,
                            List<ModuleVersion> goModsRead) {
    public ResolvedQuery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(info, "info");
        goModsRead = List.copyOf(goModsRead);
    }
}
