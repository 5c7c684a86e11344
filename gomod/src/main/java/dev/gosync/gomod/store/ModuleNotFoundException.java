package dev.gosync.gomod.store;

import dev.gosync.gomod.GosyncException;

/**
 * The source does not have the module, version or file asked for (HTTP 404 or 410, a missing
 * file). Proxy chains fall through to the next entry on exactly this error.
 */
public class ModuleNotFoundException extends GosyncException {
    public ModuleNotFoundException(String message) {
        super(message);
    }

    public ModuleNotFoundException(String message, String remedy) {
        super(message, remedy);
    }
}
