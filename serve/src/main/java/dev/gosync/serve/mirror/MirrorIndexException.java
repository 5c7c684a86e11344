package dev.gosync.serve.mirror;

import dev.gosync.gomod.GosyncException;
import java.nio.file.Path;
import java.sql.SQLException;

/** The mirror's index could not be read or written. */
public class MirrorIndexException extends GosyncException {
    // SQLite's primary result codes (the low byte of an extended code).
    private static final int ERROR = 1;
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int CORRUPT = 11;
    private static final int NOT_A_DATABASE = 26;

    public MirrorIndexException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }

    /** {@code doing} completes "cannot ...", e.g. "record bundle X in". */
    static MirrorIndexException translate(SQLException e, Path file, String doing) {
        return switch (e.getErrorCode() & 0xff) {
            case ERROR, CORRUPT, NOT_A_DATABASE -> new MirrorIndexException("mirror index " + file + " is damaged or "
                    + "not a database (SQLite: " + e.getMessage() + ")", "restore the file from a backup; the mirror's "
                    + "module files are intact and still served", e);
            case BUSY, LOCKED -> new MirrorIndexException("cannot " + doing + " mirror index " + file + ": another "
                    + "gosync process has held it too long", "wait for the other import to finish, then try again", e);
            default -> new MirrorIndexException("cannot " + doing + " mirror index " + file + ": " + e.getMessage(),
                    "check that the mirror directory is writable and the disk has room", e);
        };
    }
}
