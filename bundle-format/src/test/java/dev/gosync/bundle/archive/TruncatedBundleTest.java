package dev.gosync.bundle.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import dev.gosync.bundle.testing.TestBundles;
import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every cut of a bundle is refused, at every length: also the ones that lose only the end of the
 * last zstd frame (its final block or content checksum), after every tar entry has been read.
 * A bundle has two zstd frames (manifest, then files), and the zstd decoder reports a clean end
 * when its input stops inside the second one; the reader follows the frames itself.
 */
class TruncatedBundleTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void everyCutOfABundleIsRefused(Compression compression) throws IOException {
        TestBundles files = TestBundles.sample();
        Manifest manifest = files.manifest(SshSigSigner.SCHEME).build();
        Path whole = dir.resolve("whole");
        BundleWriter.signedBy(Bundles.SIGNER).withCompression(compression).write(manifest, files.source(), whole);
        byte[] bytes = Files.readAllBytes(whole);
        assertEquals(manifest.files().size(), Bundles.verify(whole, Bundles.TRUSTING_KEY).files());

        Path cut = dir.resolve("cut");
        for (int length = 0; length < bytes.length; length++) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            int kept = length;
            GosyncException e = assertThrows(GosyncException.class, () -> Bundles.verify(cut, Bundles.TRUSTING_KEY),
                    () -> "accepted with " + kept + " of " + bytes.length + " bytes");
            if (length > 64 && e instanceof BundleException b) {
                // Past the first bytes, a cut is reported as such, not as some other fault.
                assertEquals(true, b.problem() == Problem.CORRUPT || b.problem() == Problem.MISSING_FILE,
                        () -> kept + ": " + b.problem() + " " + b.getMessage());
            }
        }
    }
}
