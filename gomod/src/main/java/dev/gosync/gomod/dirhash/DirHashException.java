package dev.gosync.gomod.dirhash;

import dev.gosync.gomod.GosyncException;

/** An h1 hash that cannot be computed: an unreadable file or zip, or a file name h1 cannot express. */
public class DirHashException extends GosyncException {
    public DirHashException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
