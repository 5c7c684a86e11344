package dev.gosync.agent.checksum;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;

/**
 * A module file's bytes hash to something other than what a checksum record says: the source
 * serves other content than the project was built with. The export stops: shipping it would put
 * a module on the isolated side that its users never reviewed.
 */
public class ChecksumMismatchException extends GosyncException {
    private final ModuleVersion module;
    private final LayoutPath.Kind kind;
    private final String expected;
    private final String actual;

    /**
     * @param recordedIn the record that holds {@code expected}, such as a go.sum file's path
     * @param origin     where the bytes came from, credentials redacted
     */
    public ChecksumMismatchException(ModuleVersion module, LayoutPath.Kind kind, String expected, String actual,
                                     String recordedIn, String origin) {
        super(module + ": checksum mismatch for " + subject(kind)
                        + "\n\texpected: " + expected + " (" + recordedIn + ")"
                        + "\n\tactual:   " + actual + " (" + origin + ")",
                "SECURITY ERROR: the module source serves other content than " + recordedIn + " records; do not "
                        + "export until you know which one is right. If the record is wrong, repair it against a "
                        + "trusted source (go mod tidy); if a cached copy is wrong, delete it and export again");
        this.module = module;
        this.kind = kind;
        this.expected = expected;
        this.actual = actual;
    }

    public ModuleVersion module() {
        return module;
    }

    public LayoutPath.Kind kind() {
        return kind;
    }

    /** The hash on record. */
    public String expected() {
        return expected;
    }

    /** The hash of the bytes received. */
    public String actual() {
        return actual;
    }

    private static String subject(LayoutPath.Kind kind) {
        return kind == LayoutPath.Kind.MOD ? "go.mod (.mod)" : "the module zip (.zip)";
    }
}
