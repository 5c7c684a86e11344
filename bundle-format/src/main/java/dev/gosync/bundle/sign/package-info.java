/**
 * Signing and verifying bundle manifests, independent of the signature scheme. The SSH
 * implementation lives in {@code sign.sshsig} (with its keys in {@code sign.sshkey}); other
 * schemes (OpenPGP, Sigstore) can implement the same two interfaces.
 */
package dev.gosync.bundle.sign;
