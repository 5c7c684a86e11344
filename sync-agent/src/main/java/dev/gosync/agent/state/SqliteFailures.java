package dev.gosync.agent.state;

import dev.gosync.agent.state.StateException.Problem;
import java.nio.file.Path;
import java.sql.SQLException;

/** Turns SQLite's errors into messages that name the state file and say what to do. */
final class SqliteFailures {
    // SQLite's primary result codes (the low byte of an extended code).
    /** Generic; gosync's statements are fixed, so it means the tables are not what they should be. */
    private static final int ERROR = 1;
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int CORRUPT = 11;
    private static final int NOT_A_DATABASE = 26;

    /** What to do about a state file that cannot be read as one. */
    static final String START_OVER = "move the file aside: gosync then starts a new state, and the next "
            + "--incremental export ships everything again (or continue a channel with --since <last bundle>); "
            + "--state chooses another file";

    private SqliteFailures() {
    }

    /** {@code doing} completes "cannot ...", e.g. "record bundle X in". */
    static StateException translate(SQLException e, Path file, String doing) {
        return switch (e.getErrorCode() & 0xff) {
            case ERROR, CORRUPT, NOT_A_DATABASE -> new StateException(Problem.CORRUPT, "state file " + file + " is damaged "
                    + "or not a database (SQLite: " + e.getMessage() + ")", START_OVER, e);
            case BUSY, LOCKED -> new StateException(Problem.BUSY, "cannot " + doing + " state file " + file
                    + ": another gosync export has held it too long", "wait for the other export to finish, then "
                    + "try again", e);
            default -> new StateException(Problem.IO, "cannot " + doing + " state file " + file + ": "
                    + e.getMessage(), "check that the file and its directory are writable and the disk has room, "
                    + "or choose another file with --state", e);
        };
    }
}
