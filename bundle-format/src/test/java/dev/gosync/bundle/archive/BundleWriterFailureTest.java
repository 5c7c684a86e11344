package dev.gosync.bundle.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.ManifestException;
import dev.gosync.bundle.testing.TestBundles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write leaves the target directory exactly as it was. */
class BundleWriterFailureTest {
    private static final String ZIP = "example.com/mod/@v/v1.0.0.zip";

    @TempDir
    Path dir;

    private final TestBundles files = TestBundles.sample();
    private final Manifest manifest = files.manifest(Manifest.UNSIGNED).build();

    private BundleException failedWrite(BundleWriter writer, FileSource source) {
        BundleException e = assertThrows(BundleException.class, () -> writer.write(manifest, source,
                dir.resolve("b.tar.zst")));
        assertEquals(List.of(), Bundles.listing(dir), "nothing may be left behind");
        return e;
    }

    private FileSource replacing(String path, String content) {
        return row -> row.path().equals(path)
                ? new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))
                : files.source().open(row);
    }

    @Test
    void changedContentIsRefused() {
        String same = "X".repeat(files.content(ZIP).length);
        BundleException e = failedWrite(BundleWriter.unsigned(), replacing(ZIP, same));
        assertEquals(Problem.CONTENT_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains(ZIP + " has sha256"), e.getMessage());
    }

    @Test
    void shorterAndLongerContentIsRefused() {
        assertTrue(failedWrite(BundleWriter.unsigned(), replacing(ZIP, "short")).getMessage()
                .contains("has 5 bytes"));
        assertTrue(failedWrite(BundleWriter.unsigned(), replacing(ZIP, new String(files.content(ZIP)) + "!"))
                .getMessage().contains("more than"));
    }

    @Test
    void anUnreadableSourceIsAnIoError() {
        BundleException e = failedWrite(BundleWriter.unsigned(), row -> {
            throw new IOException("disk on fire");
        });
        assertEquals(Problem.IO, e.problem());
        assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
    }

    @Test
    void aFailureInASplitBundleLeavesNoParts() {
        String same = "X".repeat(files.content(ZIP).length);
        assertEquals(Problem.CONTENT_MISMATCH, failedWrite(BundleWriter.unsigned().withPartSize(64),
                replacing(ZIP, same)).problem());
    }

    @Test
    void anExistingBundleIsNeverReplaced() throws IOException {
        Path target = Files.writeString(dir.resolve("b.tar.zst"), "precious");
        BundleException e = assertThrows(BundleException.class,
                () -> BundleWriter.unsigned().write(manifest, files.source(), target));
        assertEquals(Problem.TARGET_EXISTS, e.problem());
        assertEquals("precious", Files.readString(target));
        assertEquals(List.of("b.tar.zst"), Bundles.listing(dir));
    }

    @Test
    void theManifestMustFitTheWriter() {
        ManifestException e = assertThrows(ManifestException.class,
                () -> BundleWriter.signedBy(Bundles.SIGNER).write(manifest, files.source(), dir.resolve("b")));
        assertTrue(e.getMessage().contains("says signature \"none\""), e.getMessage());
        Manifest wrongId = new Manifest(1, "f".repeat(32), manifest.channel(), manifest.sequence(), manifest.parent(),
                manifest.created(), manifest.tool(), manifest.signature(), manifest.sources(), manifest.files());
        assertThrows(ManifestException.class,
                () -> BundleWriter.unsigned().write(wrongId, files.source(), dir.resolve("b")));
        assertEquals(List.of(), Bundles.listing(dir));
    }
}
