/**
 * The gosync bundle: a signed, compressed tarball of module files in GOPROXY layout with a
 * manifest that describes and authenticates every entry.
 *
 * <p>Packages: {@code manifest} (the model and its canonical JSON), {@code sign} (signer and
 * verifier interfaces; {@code sign.sshkey} and {@code sign.sshsig} implement them with OpenSSH
 * keys and signatures), {@code archive} (writing and reading the tarball), {@code parts} (one
 * bundle file or numbered parts with an index), {@code json} (the canonical JSON layout).
 */
package dev.gosync.bundle;
