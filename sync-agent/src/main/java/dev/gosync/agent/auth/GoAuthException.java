package dev.gosync.agent.auth;

import dev.gosync.gomod.GosyncException;

/** GOAUTH is malformed, or asks for an authentication method gosync does not support. */
public class GoAuthException extends GosyncException {
    public GoAuthException(String message, String remedy) {
        super(message, remedy);
    }
}
