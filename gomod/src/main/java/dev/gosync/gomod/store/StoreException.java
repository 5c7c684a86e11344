package dev.gosync.gomod.store;

import dev.gosync.gomod.GosyncException;

/** A module store that cannot be read or written: an I/O failure, a file too large, a damaged file. */
public class StoreException extends GosyncException {
    public StoreException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
