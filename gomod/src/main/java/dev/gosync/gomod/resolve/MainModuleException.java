package dev.gosync.gomod.resolve;

import dev.gosync.gomod.GosyncException;

/**
 * The main module or workspace cannot be used as it stands: a go.mod or go.work that is missing,
 * unreadable or contradicts itself (conflicting replacements, a module listed twice). Nothing
 * was fetched yet; the fix is in the project's own files.
 */
public class MainModuleException extends GosyncException {
    public MainModuleException(String message, String remedy) {
        super(message, remedy);
    }

    public MainModuleException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
