package dev.gosync.bundle.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import dev.gosync.bundle.testing.TestBundles;
import dev.gosync.fixtures.FileTrees;
import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Damaged bundles fail with one of our exceptions (never a library's, never a hang), or, when
 * the damage hit bytes that carry no content (a gzip header's time field), read as the original.
 */
class BundleFuzzTest {
    private static Path dir;
    private static byte[] zstd;
    private static byte[] gzip;

    @BeforeContainer
    static void writeBundles() throws IOException {
        dir = Files.createTempDirectory("bundle-fuzz");
        TestBundles files = TestBundles.sample();
        Manifest manifest = files.manifest(SshSigSigner.SCHEME).build();
        BundleWriter.signedBy(Bundles.SIGNER).write(manifest, files.source(), dir.resolve("z"));
        BundleWriter.signedBy(Bundles.SIGNER).withCompression(Compression.GZIP).write(manifest, files.source(),
                dir.resolve("g"));
        zstd = Files.readAllBytes(dir.resolve("z"));
        gzip = Files.readAllBytes(dir.resolve("g"));
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        FileTrees.delete(dir);
    }

    @Property(tries = 300)
    void aDamagedZstdBundleFailsCleanly(@ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll byte value) {
        check(zstd, where, value);
    }

    @Property(tries = 300)
    void aDamagedGzipBundleFailsCleanly(@ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll byte value) {
        check(gzip, where, value);
    }

    @Property(tries = 100)
    void aTruncatedBundleFailsCleanly(@ForAll @IntRange(min = 0, max = 1_000_000) int keep) {
        byte[] cut = Arrays.copyOf(zstd, keep % zstd.length);
        Path file = write(cut);
        try {
            Bundles.verify(file, Bundles.TRUSTING_KEY);
            throw new AssertionError("a truncated bundle was accepted");
        } catch (GosyncException expected) {
            // Which check fires depends on where the cut is.
        }
    }

    private static void check(byte[] original, int where, byte value) {
        byte[] damaged = original.clone();
        damaged[where % damaged.length] ^= value == 0 ? 1 : value;
        Path file = write(damaged);
        try {
            VerifyReport report = Bundles.verify(file, Bundles.TRUSTING_KEY);
            assertEquals(4, report.files());
        } catch (GosyncException expected) {
            // The damage was found; any of our error types is fine.
        }
    }

    private static Path write(byte[] bytes) {
        try {
            Path file = dir.resolve("damaged");
            Files.deleteIfExists(file);
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
