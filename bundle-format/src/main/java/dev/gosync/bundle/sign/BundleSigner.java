package dev.gosync.bundle.sign;

/** Makes detached signatures over bundle manifests. */
public interface BundleSigner {

    /** The scheme name the manifest records, e.g. {@code sshsig}. */
    String scheme();

    /** A detached signature over {@code data}, in the scheme's own file format. */
    byte[] sign(byte[] data);
}
