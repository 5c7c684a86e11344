package dev.gosync.bundle.sign.sshkey;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An SSH public key: its type, its wire-encoded blob (which starts with the type again) and
 * the free-text comment of its text line. Any key type can be read and compared, so a trust
 * store may list RSA or ECDSA keys for other uses; only Ed25519 keys can verify signatures here.
 *
 * @param type e.g. {@code ssh-ed25519}
 * @param blob the key in SSH wire encoding
 * @param comment the text after the key on its line, or the empty string
 */
public record SshPublicKey(String type, byte[] blob, String comment) {

    public SshPublicKey {
        blob = blob.clone();
        comment = comment == null ? "" : comment;
    }

    /** An Ed25519 key from its raw 32 bytes. */
    public static SshPublicKey ed25519(byte[] raw, String comment) {
        if (raw.length != Ed25519.KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        return new SshPublicKey(Ed25519.SSH_TYPE, new WireWriter().string(Ed25519.SSH_TYPE).string(raw).toByteArray(),
                comment);
    }

    /**
     * A key from its wire encoding, as carried inside signatures and key files.
     *
     * @throws MalformedWireException when the blob does not hold a key type, or not a
     *     well-formed Ed25519 key when it says it is one
     */
    public static SshPublicKey fromBlob(byte[] blob) {
        WireReader in = new WireReader(blob, "SSH public key");
        String type = in.text();
        if (type.equals(Ed25519.SSH_TYPE)) {
            byte[] raw = in.string();
            in.end();
            if (raw.length != Ed25519.KEY_BYTES) {
                throw new MalformedWireException("SSH public key: an Ed25519 key has 32 bytes, not " + raw.length);
            }
        } else if (type.isEmpty()) {
            throw new MalformedWireException("SSH public key: the key type is empty");
        }
        return new SshPublicKey(type, blob, "");
    }

    /**
     * Parses a public key line as {@code ssh-keygen} writes it ({@code .pub} files,
     * allowed_signers, authorized_keys without options): type, base64 blob, optional comment.
     */
    public static SshPublicKey parse(String line) {
        String trimmed = line.strip();
        String[] parts = trimmed.split("[ \t]+", 3);
        if (parts.length < 2) {
            throw new KeyFormatException("not an SSH public key line (expected \"type base64 [comment]\"): "
                    + abbreviate(trimmed), "use a line like the .pub file ssh-keygen writes");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("SSH public key " + parts[0] + ": the key is not valid base64",
                    "copy the key line again from its .pub file", e);
        }
        SshPublicKey key;
        try {
            key = fromBlob(blob);
        } catch (MalformedWireException e) {
            throw new KeyFormatException("SSH public key " + parts[0] + ": " + e.getMessage(),
                    "copy the key line again from its .pub file", e);
        }
        if (!key.type().equals(parts[0])) {
            throw new KeyFormatException("SSH public key line says " + abbreviate(parts[0]) + " but the key is of type "
                    + key.type(), "copy the key line again from its .pub file");
        }
        return new SshPublicKey(key.type(), blob, parts.length == 3 ? parts[2] : "");
    }

    /**
     * The key as one line, {@code type base64 comment}, without a line end: exactly what
     * {@code ssh-keygen} writes into {@code .pub} files (it keeps the space before an empty comment).
     */
    public String toLine() {
        return type + " " + Base64.getEncoder().encodeToString(blob) + " " + comment;
    }

    /** {@code SHA256:} and the unpadded base64 SHA-256 of the blob, as {@code ssh-keygen -l} prints. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public boolean isEd25519() {
        return type.equals(Ed25519.SSH_TYPE);
    }

    /** Whether both are the same key, whatever their comments. */
    public boolean sameKey(SshPublicKey other) {
        return Arrays.equals(blob, other.blob);
    }

    /**
     * Whether {@code signature} (the raw 64 Ed25519 bytes) signs {@code message} with this key.
     *
     * @throws KeyFormatException when this is not a usable Ed25519 key
     */
    public boolean verifies(byte[] message, byte[] signature) {
        if (!isEd25519()) {
            throw new KeyFormatException("cannot verify with a " + type + " key: only ssh-ed25519 is supported",
                    "sign bundles with an Ed25519 key (ssh-keygen -t ed25519)");
        }
        try {
            return Ed25519.verify(raw(), message, signature);
        } catch (InvalidKeyException e) {
            throw new KeyFormatException("the Ed25519 key " + fingerprint() + " is not a valid curve point",
                    "check the key in the trust store", e);
        }
    }

    byte[] raw() {
        WireReader in = new WireReader(blob, "SSH public key");
        in.string();
        return in.string();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshPublicKey other && type.equals(other.type) && Arrays.equals(blob, other.blob)
                && comment.equals(other.comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(blob), comment);
    }

    @Override
    public String toString() {
        return type + " " + fingerprint() + (comment.isEmpty() ? "" : " " + comment);
    }

    /** At most 40 characters of untrusted text, anything outside printable ASCII shown as '?'. */
    private static String abbreviate(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
