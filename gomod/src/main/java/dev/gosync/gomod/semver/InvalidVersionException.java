package dev.gosync.gomod.semver;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GosyncException;

/**
 * A version string that breaks a rule: not a semantic version, not a pseudo-version, a major
 * version that does not match its module path, or a name that cannot be a file name.
 */
public class InvalidVersionException extends GosyncException {
    private final String version;

    /** An error worded like x/mod's: {@code version "v1.x" invalid: <reason>} ("pseudo-version" when pseudo). */
    public InvalidVersionException(String version, boolean pseudo, String reason) {
        this(version, (pseudo ? "pseudo-version " : "version ") + GoStrings.quote(version) + " invalid: " + reason,
                (String) null);
    }

    /** An error with a message of the caller's making that names the version. */
    public InvalidVersionException(String version, String message, String remedy) {
        super(message, remedy);
        this.version = version;
    }

    /** The offending version string, exactly as given. */
    public String version() {
        return version;
    }
}
