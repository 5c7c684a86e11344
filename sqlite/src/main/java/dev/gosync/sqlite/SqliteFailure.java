package dev.gosync.sqlite;

import java.sql.SQLException;

/**
 * What an SQLite failure means to the person running gosync; each file's owner words the three
 * cases for its own file and remedy.
 */
public enum SqliteFailure {
    /** The file is not a database, SQLite found it damaged, or its tables are not gosync's. */
    DAMAGED,
    /** Another connection held the file for longer than the wait allows. */
    BUSY,
    /** Anything else: permissions, a full disk, an I/O error. */
    OTHER;

    // SQLite's primary result codes (the low byte of an extended code).
    /** Generic; gosync's statements are fixed, so it means the tables are not what they should be. */
    private static final int ERROR = 1;
    private static final int SQLITE_BUSY = 5;
    private static final int LOCKED = 6;
    private static final int CORRUPT = 11;
    private static final int NOT_A_DATABASE = 26;

    public static SqliteFailure of(SQLException e) {
        return switch (e.getErrorCode() & 0xff) {
            case ERROR, CORRUPT, NOT_A_DATABASE -> DAMAGED;
            case SQLITE_BUSY, LOCKED -> BUSY;
            default -> OTHER;
        };
    }
}
