package dev.gosync.serve.importer;

import dev.gosync.gomod.GosyncException;

/** A bundle was refused by a rule of the import itself (beyond the bundle format's own checks). */
public class ImportException extends GosyncException {

    /** Which rule refused it. */
    public enum Problem {
        /** A manifest row is not a module file of the GOPROXY layout, or is larger than the go command accepts. */
        LAYOUT,
        /** A .mod or .zip differs from the h1 hash its manifest row states. */
        HASH_MISMATCH,
        /** A module zip breaks the module zip rules. */
        ZIP_RULES,
        /** The bundle's parent has not been imported. */
        MISSING_PARENT,
        /** The bundle is older than what its channel already holds: a replay or rollback. */
        ROLLBACK,
        /** The bundle's parent and sequence contradict the channel. */
        BROKEN_CHAIN
    }

    private final Problem problem;

    public ImportException(Problem problem, String message, String remedy) {
        this(problem, message, remedy, null);
    }

    public ImportException(Problem problem, String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
