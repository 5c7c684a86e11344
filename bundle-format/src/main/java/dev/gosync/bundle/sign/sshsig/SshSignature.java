package dev.gosync.bundle.sign.sshsig;

import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.SignatureException.Reason;
import dev.gosync.bundle.sign.sshkey.MalformedWireException;
import dev.gosync.bundle.sign.sshkey.SshPublicKey;
import dev.gosync.bundle.sign.sshkey.WireReader;
import dev.gosync.bundle.sign.sshkey.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One SSH signature in the SSHSIG format: the armored text, the blob inside it, and the data
 * that the key actually signs.
 *
 * <p>Blob: the six bytes {@code SSHSIG}, {@code uint32} version 1, then as SSH strings the
 * signer's public key, the namespace, a reserved field, the hash algorithm ({@code sha256} or
 * {@code sha512}) and the SSH signature (for Ed25519: the string {@code ssh-ed25519} and the
 * 64 signature bytes). Armor: {@code -----BEGIN SSH SIGNATURE-----}, the base64 of the blob in
 * lines of 70 characters, {@code -----END SSH SIGNATURE-----}, each line ending in a newline.
 * Signed data: {@code SSHSIG}, then as strings the namespace, the reserved field, the hash
 * algorithm and the hash of the message.
 *
 * @param publicKey the key that made the signature, as the signature states it
 * @param namespace the purpose the signature was made for
 * @param reserved unused by version 1: written empty, and ignored when verifying (the signed data
 *     always holds an empty reserved field, as in OpenSSH)
 * @param hashAlgorithm {@code sha256} or {@code sha512}
 * @param signatureType the SSH signature algorithm, {@code ssh-ed25519}
 * @param signature the raw signature bytes
 */
public record SshSignature(
        SshPublicKey publicKey,
        String namespace,
        byte[] reserved,
        String hashAlgorithm,
        String signatureType,
        byte[] signature) {

    /** The namespace of every bundle signature, so no signature made for git or files passes. */
    public static final String BUNDLE_NAMESPACE = "gosync-bundle";

    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
    private static final long VERSION = 1;
    private static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
    private static final String END = "-----END SSH SIGNATURE-----";
    private static final int LINE_WIDTH = 70;
    private static final String REMEDY = "the signature entry is damaged or was not made by ssh-keygen -Y sign "
            + "or gosync; obtain the bundle again";

    public SshSignature {
        reserved = reserved.clone();
        signature = signature.clone();
    }

    /**
     * Reads an armored signature.
     *
     * @throws SignatureException {@link Reason#MALFORMED} for anything but a well-formed
     *     version-1 signature, {@link Reason#UNSUPPORTED_KEY} for certificates
     */
    public static SshSignature parse(byte[] armored) {
        String text = new String(armored, StandardCharsets.ISO_8859_1);
        if (!text.startsWith(BEGIN + "\n") && !text.startsWith(BEGIN + "\r\n")) {
            throw malformed("it does not start with the line " + BEGIN);
        }
        int end = text.indexOf("\n" + END);
        if (end < 0) {
            throw malformed("it has no " + END + " line");
        }
        if (!text.substring(end + 1 + END.length()).isBlank()) {
            throw malformed("there is text after the " + END + " line");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(text.substring(BEGIN.length(), end).replaceAll("[ \t\r\n]", ""));
        } catch (IllegalArgumentException e) {
            throw malformed("its body is not valid base64");
        }
        try {
            return decode(blob);
        } catch (MalformedWireException e) {
            throw malformed(e.getMessage());
        }
    }

    /** The signature in armored form, exactly as {@code ssh-keygen -Y sign} writes it. */
    public byte[] armored() {
        WireWriter blob = new WireWriter()
                .raw(MAGIC)
                .uint32(VERSION)
                .string(publicKey.blob())
                .string(namespace)
                .string(reserved)
                .string(hashAlgorithm)
                .string(new WireWriter().string(signatureType).string(signature).toByteArray());
        String base64 = Base64.getEncoder().encodeToString(blob.toByteArray());
        StringBuilder text = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < base64.length(); i += LINE_WIDTH) {
            text.append(base64, i, Math.min(base64.length(), i + LINE_WIDTH)).append('\n');
        }
        return text.append(END).append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The bytes a key signs for a message whose hash is {@code messageHash}. */
    public static byte[] signedData(String namespace, byte[] reserved, String hashAlgorithm, byte[] messageHash) {
        return new WireWriter()
                .raw(MAGIC)
                .string(namespace)
                .string(reserved)
                .string(hashAlgorithm)
                .string(messageHash)
                .toByteArray();
    }

    private static SshSignature decode(byte[] blob) {
        if (blob.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(blob, MAGIC.length), MAGIC)) {
            throw malformed("its blob does not start with SSHSIG");
        }
        WireReader in = new WireReader(Arrays.copyOfRange(blob, MAGIC.length, blob.length), "SSH signature");
        long version = in.uint32();
        if (version != VERSION) {
            throw malformed("it has version " + version + "; gosync reads version " + VERSION);
        }
        byte[] keyBlob = in.string();
        String namespace = in.text();
        byte[] reserved = in.string();
        String hashAlgorithm = in.text();
        byte[] sshSignature = in.string();
        in.end();
        SshPublicKey key = SshPublicKey.fromBlob(keyBlob);
        if (key.type().contains("-cert-")) {
            throw new SignatureException(Reason.UNSUPPORTED_KEY, "the signature was made with an SSH certificate ("
                    + key.type() + "); gosync trusts plain keys only",
                    "sign with the plain Ed25519 key and list it in allowed_signers");
        }
        if (!key.isEd25519()) {
            throw new SignatureException(Reason.UNSUPPORTED_KEY, "the signature was made with a " + key.type()
                    + " key; gosync verifies Ed25519 signatures only",
                    "sign bundles with an Ed25519 key (ssh-keygen -t ed25519)");
        }
        WireReader sig = new WireReader(sshSignature, "SSH signature value");
        String signatureType = sig.text();
        byte[] raw = sig.string();
        sig.end();
        if (!signatureType.equals(key.type())) {
            throw malformed("its value is of type " + signatureType + " but the key is " + key.type());
        }
        return new SshSignature(key, namespace, reserved, hashAlgorithm, signatureType, raw);
    }

    private static SignatureException malformed(String why) {
        return new SignatureException(Reason.MALFORMED, "malformed SSH signature: " + why, REMEDY);
    }

    @Override
    public byte[] reserved() {
        return reserved.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshSignature other && publicKey.sameKey(other.publicKey)
                && namespace.equals(other.namespace) && Arrays.equals(reserved, other.reserved)
                && hashAlgorithm.equals(other.hashAlgorithm) && signatureType.equals(other.signatureType)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, hashAlgorithm, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SshSignature[" + publicKey + ", namespace " + namespace + ", " + hashAlgorithm + "]";
    }
}
