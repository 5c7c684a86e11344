package dev.gosync.agent.state;

import dev.gosync.agent.state.StateException.Problem;
import dev.gosync.sqlite.SqliteErrors;
import dev.gosync.sqlite.SqliteFailure;
import java.nio.file.Path;
import java.sql.SQLException;

/** Turns SQLite's errors into messages that name the state file and say what to do. */
record SqliteFailures(Path file) implements SqliteErrors {

    /** What to do about a state file that cannot be read as one. */
    static final String START_OVER = "move the file aside: gosync then starts a new state, and the next "
            + "--incremental export ships everything again (or continue a channel with --since <last bundle>); "
            + "--state chooses another file";

    @Override
    public StateException failed(SQLException e, String doing) {
        return switch (SqliteFailure.of(e)) {
            case DAMAGED -> new StateException(Problem.CORRUPT, "state file " + file + " is damaged "
                    + "or not a database (SQLite: " + e.getMessage() + ")", START_OVER, e);
            case BUSY -> new StateException(Problem.BUSY, "cannot " + doing + " state file " + file
                    + ": another gosync export has held it too long", "wait for the other export to finish, then "
                    + "try again", e);
            case OTHER -> new StateException(Problem.IO, "cannot " + doing + " state file " + file + ": "
                    + e.getMessage(), "check that the file and its directory are writable and the disk has room, "
                    + "or choose another file with --state", e);
        };
    }

    @Override
    public StateException interruptedOpening(InterruptedException e) {
        return new StateException(Problem.BUSY, "interrupted while opening state file " + file, null, e);
    }
}
