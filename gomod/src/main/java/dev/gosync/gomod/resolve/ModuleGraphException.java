package dev.gosync.gomod.resolve;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import java.util.List;

/**
 * A go.mod in the module graph could not be read or used. The message gives the chain of
 * requirements from the main module to the module at fault, as the go command does:
 *
 * <pre>
 * example.com/a@v1.0.0 requires
 * 	example.com/b@v1.2.0: parsing go.mod: go.mod:3: unknown block type: bogus
 * </pre>
 */
public class ModuleGraphException extends GosyncException {
    static final String NOT_FOUND = "the module source does not have this version: check GOPROXY, "
            + "or exclude or replace the version in the main go.mod";
    static final String FETCH_FAILED = "check the connection to the module source and try again";
    static final String BAD_GO_MOD = "that version's go.mod is malformed: upgrade the module that requires it "
            + "to a version that does not, or replace it in the main go.mod";
    static final String WRONG_PATH = "the module was renamed or forked: require it by the path its go.mod declares, "
            + "or replace it in the main go.mod";
    static final String BAD_DIRECTORY = "fix the replace directive in the main go.mod, or give the directory a go.mod";

    private final transient List<ModuleVersion> chain;

    /**
     * @param chain      the requirements from a root to the module at fault, the root first; main
     *                   modules at the start are left out of the message
     * @param replacedBy what replaces the module at fault, when the fault is in the replacement; or null
     * @param detail     what went wrong
     */
    ModuleGraphException(List<ModuleVersion> chain, String replacedBy, String detail, String remedy, Throwable cause) {
        super(message(chain, replacedBy, detail), remedy, cause);
        this.chain = List.copyOf(chain);
    }

    ModuleGraphException(List<ModuleVersion> chain, String detail, String remedy, Throwable cause) {
        this(chain, null, detail, remedy, cause);
    }

    private static String message(List<ModuleVersion> chain, String replacedBy, String detail) {
        int start = 0;
        while (start < chain.size() && chain.get(start).version().isEmpty()) {
            start++;
        }
        if (start == chain.size()) {
            return detail;
        }
        StringBuilder b = new StringBuilder();
        for (ModuleVersion m : chain.subList(start, chain.size() - 1)) {
            b.append(m).append(" requires\n\t");
        }
        b.append(chain.get(chain.size() - 1));
        if (replacedBy != null) {
            b.append(" (replaced by ").append(replacedBy).append(')');
        }
        return b.append(": ").append(detail).toString();
    }

    /** The chain of requirements from a root (a main module, when there is one) to the module at fault. */
    public List<ModuleVersion> chain() {
        return chain;
    }

    /** The module version at fault, as it was required (before replacement). */
    public ModuleVersion module() {
        return chain.get(chain.size() - 1);
    }
}
