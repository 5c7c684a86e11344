package dev.gosync.gomod.gosum;

import dev.gosync.gomod.GosyncException;

/** A go.sum file that cannot be read, or an entry that cannot be written into one. */
public class GoSumException extends GosyncException {
    public GoSumException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
