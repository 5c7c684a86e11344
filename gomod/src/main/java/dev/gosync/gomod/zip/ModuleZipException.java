package dev.gosync.gomod.zip;

import dev.gosync.gomod.GosyncException;
import java.util.Optional;

/** A module zip that cannot be created, read or accepted; {@link #report()} lists the files at fault when known. */
public class ModuleZipException extends GosyncException {
    private final transient CheckedFiles report;

    public ModuleZipException(String message, String remedy, Throwable cause) {
        this(message, remedy, cause, null);
    }

    public ModuleZipException(String message, String remedy, Throwable cause, CheckedFiles report) {
        super(message, remedy, cause);
        this.report = report;
    }

    public Optional<CheckedFiles> report() {
        return Optional.ofNullable(report);
    }
}
