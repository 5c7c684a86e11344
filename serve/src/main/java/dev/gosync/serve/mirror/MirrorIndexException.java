package dev.gosync.serve.mirror;

import dev.gosync.gomod.GosyncException;
import dev.gosync.sqlite.SqliteErrors;
import dev.gosync.sqlite.SqliteFailure;
import java.nio.file.Path;
import java.sql.SQLException;

/** The mirror's index could not be read or written. */
public class MirrorIndexException extends GosyncException {

    public MirrorIndexException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }

    /** Words SQLite's failures on the index file for the mirror's operator. */
    record Errors(Path file) implements SqliteErrors {
        @Override
        public MirrorIndexException failed(SQLException e, String doing) {
            return switch (SqliteFailure.of(e)) {
                case DAMAGED -> new MirrorIndexException("mirror index " + file + " is damaged or not a database "
                        + "(SQLite: " + e.getMessage() + ")", "restore the file from a backup; the mirror's module "
                        + "files are intact and still served", e);
                case BUSY -> new MirrorIndexException("cannot " + doing + " mirror index " + file + ": another "
                        + "gosync process has held it too long", "wait for the other import to finish, then try again",
                        e);
                case OTHER -> new MirrorIndexException("cannot " + doing + " mirror index " + file + ": "
                        + e.getMessage(), "check that the mirror directory is writable and the disk has room", e);
            };
        }

        @Override
        public MirrorIndexException interruptedOpening(InterruptedException e) {
            return new MirrorIndexException("interrupted while opening mirror index " + file, null, e);
        }
    }
}
