package dev.gosync.bundle.archive;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.sign.sshsig.AllowedSigners;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import dev.gosync.bundle.sign.sshsig.SshSigVerifier;
import dev.gosync.bundle.testing.TestBundles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** Shared keys and helpers of the archive tests. */
final class Bundles {
    static final Ed25519KeyPair KEY = KeyPairs.generate("release");
    static final SshSigSigner SIGNER = new SshSigSigner(KEY);
    static final TrustPolicy TRUSTING_KEY = TrustPolicy.requireSignature(new SshSigVerifier(
            AllowedSigners.parse("release@example.com " + KEY.publicKey().toLine(), "allowed_signers", ZoneOffset.UTC),
            Clock.systemUTC()));

    private Bundles() {
    }

    /** Writes {@code files} as a signed zstd bundle named {@code name} in {@code dir}. */
    static WrittenBundle writeSigned(TestBundles files, Path dir, String name) {
        return BundleWriter.signedBy(SIGNER).write(files.manifest(SIGNER.scheme()).build(), files.source(),
                dir.resolve(name));
    }

    static VerifyReport verify(Path bundle, TrustPolicy trust) {
        try (BundleReader reader = BundleReader.open(bundle, trust)) {
            return reader.verifyAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BundleException failure(Path bundle, TrustPolicy trust) {
        return assertThrows(BundleException.class, () -> verify(bundle, trust));
    }

    static List<String> listing(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
