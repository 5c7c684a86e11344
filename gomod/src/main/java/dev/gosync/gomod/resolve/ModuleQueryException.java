package dev.gosync.gomod.resolve;

import dev.gosync.gomod.GosyncException;

/** An explicit module query ({@code path@latest}, {@code path@v1.2}, …) that cannot be resolved. */
public class ModuleQueryException extends GosyncException {
    public ModuleQueryException(String message, String remedy) {
        super(message, remedy);
    }

    public ModuleQueryException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
