package dev.gosync.bundle.archive;

import dev.gosync.bundle.manifest.BundlePath;

/** Names and size limits of a bundle's own entries. */
public final class BundleLayout {
    /** The first entry. */
    public static final String MANIFEST_ENTRY = BundlePath.RESERVED_DIRECTORY + "/manifest.json";
    /** The second entry of a signed bundle: the detached signature over the manifest's bytes. */
    public static final String SIGNATURE_ENTRY = MANIFEST_ENTRY + ".sig";
    /** The largest manifest read into memory: about half a million file rows. */
    public static final long MAX_MANIFEST_BYTES = 128L << 20;
    /** The largest signature entry read. */
    public static final long MAX_SIGNATURE_BYTES = 64L << 10;

    private BundleLayout() {
    }
}
