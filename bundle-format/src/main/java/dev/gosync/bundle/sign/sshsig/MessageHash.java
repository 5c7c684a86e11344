package dev.gosync.bundle.sign.sshsig;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The message hashes SSHSIG allows, by their SSHSIG names. */
final class MessageHash {

    private MessageHash() {
    }

    static boolean supported(String algorithm) {
        return algorithm.equals("sha256") || algorithm.equals("sha512");
    }

    static byte[] of(String algorithm, byte[] data) {
        String jdkName = switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException("unsupported SSHSIG hash " + algorithm);
        };
        try {
            return MessageDigest.getInstance(jdkName).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + jdkName, e);
        }
    }
}
