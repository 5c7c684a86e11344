package dev.gosync.agent.env;

import dev.gosync.gomod.GosyncException;

/** The go command was found but could not tell its settings. */
public class GoEnvException extends GosyncException {
    public GoEnvException(String message, Throwable cause) {
        super(message, "fix the go installation, or set GOPROXY and the other settings gosync needs in the environment",
                cause);
    }
}
