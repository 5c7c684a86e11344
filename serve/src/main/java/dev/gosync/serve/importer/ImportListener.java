package dev.gosync.serve.importer;

import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;

/** Hears how a verify or import goes, for progress display. Calls come from the importing thread. */
public interface ImportListener {
    ImportListener NONE = new ImportListener() {
    };

    /** The bundle's manifest and signature were accepted; {@code signer} describes who signed it. */
    default void opened(String bundleName, Manifest manifest, String signer) {
    }

    /** Another import holds the mirror; this one waits for it. */
    default void waitingForLock(String mirror) {
    }

    /** One file was read and checked. */
    default void checked(FileRow row) {
    }

    /** Something the operator must see: an override that was used, a note on the input. */
    default void notice(String message) {
    }
}
