package dev.gosync.bundle.sign.sshkey;

import dev.gosync.gomod.GosyncException;

/** SSH wire-encoded bytes end early, carry an impossible length, or hold unexpected values. */
public class MalformedWireException extends GosyncException {

    public MalformedWireException(String message) {
        super(message);
    }
}
