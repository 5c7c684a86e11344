package dev.gosync.bundle.sign.sshkey;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Set;

/** Creates Ed25519 signing keys and stores them the way {@code ssh-keygen} does. */
public final class KeyPairs {
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private KeyPairs() {
    }

    /** A new random key pair. */
    public static Ed25519KeyPair generate(String comment) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the JDK hid the Ed25519 seed"));
            return new Ed25519KeyPair(seed, Ed25519.raw((EdECPublicKey) pair.getPublic()), comment);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is unavailable in this Java runtime", e);
        }
    }

    /**
     * Writes {@code file} (the private key, mode 0600) and {@code file.pub} (the public key line,
     * mode 0644). Refuses to replace either. Each file appears complete or not at all.
     */
    public static void write(Ed25519KeyPair pair, Path file) {
        Path publicFile = file.resolveSibling(file.getFileName() + ".pub");
        for (Path target : new Path[] {file, publicFile}) {
            if (Files.exists(target)) {
                throw new KeyFormatException("key file " + target + " already exists",
                        "choose another file name or remove the old key first");
            }
        }
        writeAtomically(file, OpenSshKeyFile.format(pair), PRIVATE);
        writeAtomically(publicFile, pair.publicKey().toLine() + "\n", PUBLIC);
    }

    private static void writeAtomically(Path target, String content, Set<PosixFilePermission> permissions) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            // createTempFile makes the file 0600 on POSIX systems before any byte is written.
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.flush();
                channel.force(true);
            }
            if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (FileAlreadyExistsException e) {
            throw new KeyFormatException("key file " + target + " already exists",
                    "choose another file name or remove the old key first", e);
        } catch (IOException e) {
            throw new KeyFormatException("cannot write key file " + target + ": " + e.getMessage(),
                    "check that the directory exists and is writable", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // The original failure matters more than a leftover temporary file.
                }
            }
        }
    }
}
