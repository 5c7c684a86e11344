package dev.gosync.gomod.store;

import dev.gosync.gomod.GosyncException;

/**
 * A {@code .info} (or {@code @latest}) document the go command would not accept: malformed JSON,
 * a field of the wrong type, no {@code Version}, a {@code Time} that is not RFC 3339, or a version
 * other than the one asked for.
 */
public class InvalidInfoException extends GosyncException {
    public InvalidInfoException(String message, String remedy) {
        super(message, remedy);
    }

    public InvalidInfoException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
