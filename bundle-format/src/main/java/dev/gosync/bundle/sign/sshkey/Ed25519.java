package dev.gosync.bundle.sign.sshkey;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/**
 * Ed25519 through the JDK (Java 15+), converting between the raw 32-byte encodings that SSH
 * carries (RFC 8032: public key = little-endian y with the sign of x in the top bit; private
 * key = the 32-byte seed) and the JDK's key objects.
 */
final class Ed25519 {
    static final String SSH_TYPE = "ssh-ed25519";
    static final int KEY_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;

    private Ed25519() {
    }

    static PublicKey publicKey(byte[] raw) throws InvalidKeyException {
        if (raw.length != KEY_BYTES) {
            throw new InvalidKeyException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] bigEndian = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES; i++) {
            bigEndian[i] = raw[KEY_BYTES - 1 - i];
        }
        boolean xOdd = (bigEndian[0] & 0x80) != 0;
        bigEndian[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException("not an Ed25519 public key", e);
        }
    }

    static byte[] raw(EdECPublicKey key) {
        byte[] bigEndian = key.getPoint().getY().toByteArray();
        byte[] raw = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES && i < bigEndian.length; i++) {
            raw[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (key.getPoint().isXOdd()) {
            raw[KEY_BYTES - 1] |= (byte) 0x80;
        }
        return raw;
    }

    static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused a 32-byte Ed25519 seed", e);
        }
    }

    static byte[] sign(byte[] seed, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey(seed));
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is a valid signature of {@code message} by {@code publicKey}. */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) throws InvalidKeyException {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(publicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            // The JDK throws for signatures it cannot even decode (bad length, non-canonical scalar).
            return false;
        } catch (InvalidKeyException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is unavailable in this Java runtime", e);
        }
    }
}
