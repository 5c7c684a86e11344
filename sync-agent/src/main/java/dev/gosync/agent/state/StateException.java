package dev.gosync.agent.state;

import dev.gosync.gomod.GosyncException;

/**
 * The export state cannot be used, or refuses what it was asked to record. {@link #problem()}
 * tells the kinds apart without parsing the message.
 */
public class StateException extends GosyncException {

    /** What kind of failure this is. */
    public enum Problem {
        /** The state file is not an SQLite database, or SQLite found it damaged. */
        CORRUPT,
        /** The file is an SQLite database of some other program. */
        FOREIGN,
        /** The state was written by a newer gosync with a schema this one does not know. */
        TOO_NEW,
        /** The channel moved on between planning a bundle and recording it. */
        STALE_PLAN,
        /** A file would be shipped again with other content than before. */
        CONFLICT,
        /** Another export held the state file for longer than the wait allows. */
        BUSY,
        /** The file cannot be created, read or written. */
        IO
    }

    private final Problem problem;

    public StateException(Problem problem, String message, String remedy) {
        this(problem, message, remedy, null);
    }

    public StateException(Problem problem, String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
