package dev.gosync.bundle.sign.sshkey;

import dev.gosync.gomod.GosyncException;

/** A key file or public key line cannot be used: malformed, encrypted, or of another key type. */
public class KeyFormatException extends GosyncException {

    public KeyFormatException(String message, String remedy) {
        super(message, remedy);
    }

    public KeyFormatException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
