package dev.gosync.bundle.sign.sshsig;

import dev.gosync.gomod.GosyncException;

/** An allowed_signers file cannot be read or has a line that breaks its format. */
public class AllowedSignersException extends GosyncException {

    public AllowedSignersException(String message, String remedy) {
        super(message, remedy);
    }

    public AllowedSignersException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
