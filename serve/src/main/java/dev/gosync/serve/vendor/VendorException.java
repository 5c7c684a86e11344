package dev.gosync.serve.vendor;

import dev.gosync.gomod.GosyncException;

/** Why a project could not be vendored; nothing in the project has changed when it is thrown. */
public class VendorException extends GosyncException {
    public VendorException(String message, String remedy) {
        super(message, remedy);
    }

    public VendorException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
