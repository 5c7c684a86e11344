package dev.gosync.agent.vcs;

import dev.gosync.gomod.GosyncException;

/** A git repository could not be read, or holds something direct mode cannot turn into a module. */
public class GitSourceException extends GosyncException {
    public GitSourceException(String message, String remedy) {
        super(message, remedy);
    }

    public GitSourceException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
