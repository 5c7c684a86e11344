package dev.gosync.agent.gitremote;

import dev.gosync.agent.vcs.GitSourceException;

/** A remote repository could not be reached, read or mirrored. The message holds no credentials. */
public class RemoteGitException extends GitSourceException {
    public RemoteGitException(String message, String remedy) {
        super(message, remedy);
    }
}
