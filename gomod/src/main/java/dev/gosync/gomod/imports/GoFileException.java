package dev.gosync.gomod.imports;

import dev.gosync.gomod.GosyncException;

/** A Go source file the go command could not read either. */
public final class GoFileException extends GosyncException {
    public GoFileException(String file, String problem) {
        super("reading " + file + ": " + problem, "the file is not Go source text; fix or remove it in the module");
    }
}
