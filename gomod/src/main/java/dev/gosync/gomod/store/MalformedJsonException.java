package dev.gosync.gomod.store;

import dev.gosync.gomod.GosyncException;

/** Input that is not well-formed JSON, or nests or weighs more than the reader allows; the message gives the byte offset. */
class MalformedJsonException extends GosyncException {
    MalformedJsonException(String message) {
        super(message);
    }
}
