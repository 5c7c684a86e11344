package dev.gosync.bundle.manifest;

import dev.gosync.gomod.GosyncException;

/** A manifest, or a value meant for one, breaks the manifest rules. */
public class ManifestException extends GosyncException {

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, String remedy) {
        super(message, remedy);
    }

    public ManifestException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
