package dev.gosync.bundle.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.ManifestException;
import dev.gosync.bundle.testing.TestBundles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files first, manifest last: the bundle appears only when finished, and only with the files added. */
class BundleBodyTest {
    @TempDir
    Path dir;

    private final TestBundles files = TestBundles.sample();
    private final Manifest manifest = files.manifest(Manifest.UNSIGNED).build();

    private BundleBody begin(String name) {
        return BundleWriter.unsigned().begin(dir.resolve(name), manifest.created());
    }

    private void addAll(BundleBody body, List<FileRow> rows) throws IOException {
        for (FileRow row : rows) {
            body.add(row, files.source().open(row));
        }
    }

    @Test
    void aFinishedBodyIsAnOrdinaryBundle() throws IOException {
        try (BundleBody body = begin("b.tar.zst")) {
            addAll(body, manifest.files());
            body.finish(manifest);
        }
        assertEquals(List.of("b.tar.zst"), Bundles.listing(dir), "the files' temporary file is gone");
        assertEquals(manifest.files().size(), Bundles.verify(dir.resolve("b.tar.zst"), TrustPolicy.integrityOnly())
                .files());
    }

    @Test
    void aTemporaryDirectoryKeepsTheFilesFrameOffTheOutputsDirectory() throws IOException {
        Path out = Files.createDirectories(dir.resolve("medium"));
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        try (BundleBody body = BundleWriter.unsigned().begin(out.resolve("b.tar.zst"), manifest.created(), scratch)) {
            addAll(body, manifest.files());
            assertEquals(List.of(), Bundles.listing(out), "nothing on the output medium before the end");
            assertEquals(1, Bundles.listing(scratch).size(), "the files' frame: " + Bundles.listing(scratch));
            body.finish(manifest);
        }
        assertEquals(List.of("b.tar.zst"), Bundles.listing(out));
        assertEquals(List.of(), Bundles.listing(scratch));
        assertEquals(manifest.files().size(), Bundles.verify(out.resolve("b.tar.zst"), TrustPolicy.integrityOnly()).files());
    }

    @Test
    void closingWithoutFinishingLeavesNothing() throws IOException {
        try (BundleBody body = begin("b.tar.zst")) {
            addAll(body, manifest.files().subList(0, 2));
            assertEquals(1, Bundles.listing(dir).size(), "only the files' temporary file: " + Bundles.listing(dir));
        }
        assertEquals(List.of(), Bundles.listing(dir));
    }

    @Test
    void aManifestThatListsOtherFilesIsRefusedAndLeavesNothing() throws IOException {
        try (BundleBody body = begin("b.tar.zst")) {
            addAll(body, manifest.files().subList(0, manifest.files().size() - 1));
            ManifestException e = assertThrows(ManifestException.class, () -> body.finish(manifest));
            assertTrue(e.getMessage().contains("not the " + (manifest.files().size() - 1) + " added"), e.getMessage());
        }
        assertEquals(List.of(), Bundles.listing(dir));
    }

    @Test
    void aManifestCreatedAtAnotherTimeIsRefused() throws IOException {
        try (BundleBody body = BundleWriter.unsigned().begin(dir.resolve("b"), manifest.created().plusSeconds(1))) {
            addAll(body, manifest.files());
            assertThrows(ManifestException.class, () -> body.finish(manifest));
        }
        assertEquals(List.of(), Bundles.listing(dir));
    }

    @Test
    void aDigestedFileOfTheWrongSizeIsStillRefused() {
        FileRow row = manifest.files().get(0);
        try (BundleBody body = begin("b")) {
            BundleException e = assertThrows(BundleException.class,
                    () -> body.addDigested(row, new ByteArrayInputStream(new byte[(int) row.size() + 1])));
            assertEquals(Problem.CONTENT_MISMATCH, e.problem());
        }
        assertEquals(List.of(), Bundles.listing(dir));
    }

    @Test
    void aDigestedFileWithOtherBytesOfTheRightSizeIsCaughtByTheReader() throws IOException {
        // What addDigested gives up: the writer does not see it; the reader refuses the bundle.
        FileRow row = manifest.files().get(manifest.files().size() - 1);
        try (BundleBody body = begin("b")) {
            addAll(body, manifest.files().subList(0, manifest.files().size() - 1));
            body.addDigested(row, new ByteArrayInputStream(new byte[(int) row.size()]));
            body.finish(manifest);
        }
        assertEquals(Problem.CONTENT_MISMATCH, Bundles.failure(dir.resolve("b"), TrustPolicy.integrityOnly())
                .problem());
    }

    @Test
    void aSplitBodyIsReadLikeAnyOther() throws IOException {
        try (BundleBody body = BundleWriter.unsigned().withPartSize(100).begin(dir.resolve("s"), manifest.created())) {
            addAll(body, manifest.files());
            body.finish(manifest);
        }
        assertEquals(manifest.files().size(), Bundles.verify(dir.resolve("s"), TrustPolicy.integrityOnly()).files());
    }
}
