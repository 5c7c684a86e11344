package dev.gosync.bundle.sign.sshkey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Unencrypted OpenSSH private key files ({@code -----BEGIN OPENSSH PRIVATE KEY-----}, the
 * {@code openssh-key-v1} format of OpenSSH's PROTOCOL.key) holding one Ed25519 key: the format
 * {@code ssh-keygen -t ed25519 -N ''} writes.
 *
 * <p>Layout inside the base64: the magic {@code openssh-key-v1\0}; cipher and KDF names
 * ({@code none}), KDF options (empty); the key count (1); the public key blob; then the private
 * section: two equal random check words, the key type, the public key, the 64-byte private key
 * (seed followed by the public key), the comment, and padding bytes 1, 2, 3... up to a multiple
 * of 8. The base64 is wrapped at 70 columns.
 */
public final class OpenSshKeyFile {
    private static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK_SIZE = 8;
    private static final int LINE_WIDTH = 70;
    private static final String UNENCRYPTED_REMEDY = "use a dedicated signing key without a passphrase "
            + "(ssh-keygen -t ed25519 -N '' -f FILE, or remove the passphrase with ssh-keygen -p -N '' -f FILE) "
            + "and protect the file with permissions 0600; ssh-agent is not supported yet";

    private OpenSshKeyFile() {
    }

    public static Ed25519KeyPair read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new KeyFormatException("cannot read key file " + file + ": " + e.getMessage(),
                    "check the path and its permissions", e);
        }
        return parse(text, file.toString());
    }

    /** @param source names the key in messages (normally the file path) */
    public static Ed25519KeyPair parse(String text, String source) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new KeyFormatException(describeForeign(text, source), "give the path of an OpenSSH Ed25519 "
                    + "private key, e.g. one made by ssh-keygen -t ed25519 -N ''");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(text.substring(begin + BEGIN.length(), end).replaceAll("[ \t\r\n]", ""));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("key file " + source + " is damaged: its body is not valid base64",
                    "restore the key file from a backup or generate a new key", e);
        }
        try {
            return decode(data, source);
        } catch (MalformedWireException e) {
            throw new KeyFormatException("key file " + source + " is damaged: " + e.getMessage(),
                    "restore the key file from a backup or generate a new key", e);
        }
    }

    /** The key file text for {@code pair}, with fresh random check words. */
    public static String format(Ed25519KeyPair pair) {
        return format(pair, new SecureRandom().nextInt());
    }

    static String format(Ed25519KeyPair pair, int checkWord) {
        byte[] publicBlob = pair.publicKey().blob();
        byte[] privateKey = new byte[2 * Ed25519.KEY_BYTES];
        System.arraycopy(pair.seed(), 0, privateKey, 0, Ed25519.KEY_BYTES);
        System.arraycopy(pair.publicRaw(), 0, privateKey, Ed25519.KEY_BYTES, Ed25519.KEY_BYTES);
        WireWriter secret = new WireWriter()
                .uint32(checkWord & 0xffffffffL)
                .uint32(checkWord & 0xffffffffL)
                .string(Ed25519.SSH_TYPE)
                .string(pair.publicRaw())
                .string(privateKey)
                .string(pair.comment());
        for (int pad = 1; secret.size() % BLOCK_SIZE != 0; pad++) {
            secret.raw(new byte[] {(byte) pad});
        }
        Arrays.fill(privateKey, (byte) 0);
        byte[] data = new WireWriter()
                .raw(MAGIC)
                .string("none")
                .string("none")
                .string(new byte[0])
                .uint32(1)
                .string(publicBlob)
                .string(secret.toByteArray())
                .toByteArray();
        String base64 = Base64.getEncoder().encodeToString(data);
        StringBuilder text = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < base64.length(); i += LINE_WIDTH) {
            text.append(base64, i, Math.min(base64.length(), i + LINE_WIDTH)).append('\n');
        }
        return text.append(END).append('\n').toString();
    }

    private static Ed25519KeyPair decode(byte[] data, String source) {
        if (data.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
            throw new MalformedWireException("it does not start with \"openssh-key-v1\"");
        }
        WireReader in = new WireReader(Arrays.copyOfRange(data, MAGIC.length, data.length), "key file " + source);
        String cipher = in.text();
        String kdf = in.text();
        in.string();
        if (!cipher.equals("none") || !kdf.equals("none")) {
            throw new KeyFormatException("key file " + source + " is protected by a passphrase (cipher " + cipher
                    + ", KDF " + kdf + "); gosync can only use unencrypted key files", UNENCRYPTED_REMEDY);
        }
        long count = in.uint32();
        if (count != 1) {
            throw new MalformedWireException("it holds " + count + " keys; gosync reads files with exactly one key");
        }
        SshPublicKey publicKey = SshPublicKey.fromBlob(in.string());
        if (!publicKey.isEd25519()) {
            throw new KeyFormatException("key file " + source + " holds a " + publicKey.type() + " key; gosync "
                    + "signs with Ed25519 keys only", "generate a signing key with ssh-keygen -t ed25519 -N ''");
        }
        byte[] secret = in.string();
        in.end();
        if (secret.length % BLOCK_SIZE != 0) {
            throw new MalformedWireException("the private section is not a multiple of " + BLOCK_SIZE + " bytes");
        }
        return decodeSecret(new WireReader(secret, "key file " + source), publicKey, source);
    }

    private static Ed25519KeyPair decodeSecret(WireReader in, SshPublicKey publicKey, String source) {
        if (in.uint32() != in.uint32()) {
            throw new MalformedWireException("the two check words of the private section differ");
        }
        String type = in.text();
        if (!type.equals(Ed25519.SSH_TYPE)) {
            throw new MalformedWireException("the private section holds a " + type + " key, the public part an "
                    + Ed25519.SSH_TYPE + " key");
        }
        byte[] publicRaw = in.string();
        byte[] privateKey = in.string();
        String comment = in.text();
        for (int expected = 1; in.remaining() > 0; expected++) {
            if (in.raw(1)[0] != (byte) expected) {
                throw new MalformedWireException("the padding of the private section is not 1, 2, 3...");
            }
        }
        if (privateKey.length != 2 * Ed25519.KEY_BYTES) {
            throw new MalformedWireException("an Ed25519 private key has 64 bytes, not " + privateKey.length);
        }
        byte[] seed = Arrays.copyOf(privateKey, Ed25519.KEY_BYTES);
        byte[] embeddedPublic = Arrays.copyOfRange(privateKey, Ed25519.KEY_BYTES, privateKey.length);
        Arrays.fill(privateKey, (byte) 0);
        if (!Arrays.equals(publicRaw, embeddedPublic) || !SshPublicKey.ed25519(publicRaw, "").sameKey(publicKey)) {
            throw new MalformedWireException("the public key is recorded differently in its three places");
        }
        try {
            return new Ed25519KeyPair(seed, publicRaw, comment);
        } catch (KeyFormatException e) {
            throw new KeyFormatException("key file " + source + ": " + e.getMessage(), e.remedy(), e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static String describeForeign(String text, String source) {
        if (text.contains("-----BEGIN") && text.contains("PRIVATE KEY-----")) {
            return "key file " + source + " is a PEM private key, not an OpenSSH one; gosync reads OpenSSH "
                    + "Ed25519 keys";
        }
        if (text.stripLeading().startsWith("ssh-")) {
            return "key file " + source + " holds a public key; signing needs the private key file (without .pub)";
        }
        return "key file " + source + " is not an OpenSSH private key (no \"" + BEGIN + "\" line)";
    }
}
