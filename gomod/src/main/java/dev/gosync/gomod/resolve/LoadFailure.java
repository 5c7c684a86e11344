package dev.gosync.gomod.resolve;

import dev.gosync.gomod.module.ModuleVersion;
import java.util.List;

/**
 * Why the go.mod of one module version could not be used; becomes a {@link ModuleGraphException}
 * once the chain of requirements leading to it is known.
 *
 * @param replacedBy the replacement that failed, as {@code go list} shows it; null when the
 *                   module itself failed
 */
record LoadFailure(String replacedBy, String detail, String remedy, Throwable cause) {
    LoadFailure withReplacement(String replacement) {
        return new LoadFailure(replacement, detail, remedy, cause);
    }

    ModuleGraphException toException(List<ModuleVersion> chain) {
        return new ModuleGraphException(chain, replacedBy, detail, remedy, cause);
    }
}
