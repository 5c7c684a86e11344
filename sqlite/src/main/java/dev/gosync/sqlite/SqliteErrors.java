package dev.gosync.sqlite;

import java.sql.SQLException;

/** Turns failures on one SQLite file into the owner's exceptions, naming the file and a remedy. */
public interface SqliteErrors {
    /**
     * The failure of an operation; classify it with {@link SqliteFailure#of}.
     *
     * @param doing completes "cannot ...", e.g. "record bundle X in"
     */
    RuntimeException failed(SQLException e, String doing);

    /** The thread was interrupted while waiting to open the file. */
    RuntimeException interruptedOpening(InterruptedException e);
}
