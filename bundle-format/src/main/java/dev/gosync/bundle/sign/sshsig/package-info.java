/**
 * SSH signatures (OpenSSH's PROTOCOL.sshsig, what {@code ssh-keygen -Y sign} makes) over bundle
 * manifests, with Ed25519 keys, namespace {@value dev.gosync.bundle.sign.sshsig.SshSignature#BUNDLE_NAMESPACE},
 * and an OpenSSH {@code allowed_signers} file as the trust store. An administrator can check
 * a bundle's signature with {@code ssh-keygen -Y verify} alone.
 */
package dev.gosync.bundle.sign.sshsig;
