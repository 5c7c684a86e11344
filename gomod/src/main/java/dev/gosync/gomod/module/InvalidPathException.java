package dev.gosync.gomod.module;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GosyncException;

/** A module, import or file path, or an escaped module path, that breaks Go's naming rules. */
public class InvalidPathException extends GosyncException {
    private final PathKind kind;
    private final String path;

    /** An error worded like x/mod's: {@code malformed module path "x": <reason>}. */
    public static InvalidPathException malformed(PathKind kind, String path, String reason) {
        return new InvalidPathException(kind, path, "malformed " + kind.noun() + " path " + GoStrings.quote(path) + ": " + reason);
    }

    /** An error with a message of the caller's making that names the path. */
    public InvalidPathException(PathKind kind, String path, String message) {
        super(message);
        this.kind = kind;
        this.path = path;
    }

    public PathKind kind() {
        return kind;
    }

    /** The offending path, exactly as given (escaped, if the escaping was at fault). */
    public String path() {
        return path;
    }
}
