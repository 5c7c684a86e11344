/**
 * OpenSSH keys: the SSH wire encoding, public key lines ({@code ssh-ed25519 AAAA... comment}),
 * and unencrypted {@code openssh-key-v1} private key files holding one Ed25519 key, read and
 * written exactly as {@code ssh-keygen} does, with the JDK's Ed25519 for the cryptography.
 */
package dev.gosync.bundle.sign.sshkey;
