package dev.gosync.bundle.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.ManifestCodec;
import dev.gosync.bundle.manifest.ManifestException;
import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.testing.TestBundles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles made by hand to attack the reader. Each must be refused with the problem named; the
 * integrity-only trust policy is used so that every check past the signature is reached.
 */
class HostileBundleTest {
    @TempDir
    Path dir;

    private final TestBundles files = TestBundles.sample();
    private final Manifest manifest = files.manifest(Manifest.UNSIGNED).build();
    private final List<FileRow> rows = manifest.files();

    /** The manifest, then the files of rows {@code from} (inclusive) to {@code to} (exclusive). */
    private CraftedBundle withFiles(int from, int to) {
        CraftedBundle crafted = CraftedBundle.startingWith(manifest);
        for (FileRow row : rows.subList(from, to)) {
            crafted.file(row.path(), files.content(row.path()));
        }
        return crafted;
    }

    private CraftedBundle allFiles() {
        return withFiles(0, rows.size());
    }

    private BundleException refused(CraftedBundle crafted) {
        return refused(crafted.bytes());
    }

    private BundleException refused(byte[] bundle) {
        Path file = dir.resolve("hostile");
        try {
            Files.write(file, bundle);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Bundles.failure(file, TrustPolicy.integrityOnly());
    }

    private void assertRefused(Problem problem, String words, CraftedBundle crafted) {
        BundleException e = refused(crafted);
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void theCraftingItselfMakesReadableBundles() {
        Path file = allFiles().writeTo(dir.resolve("fine"));
        assertEquals(rows.size(), Bundles.verify(file, TrustPolicy.integrityOnly()).files());
    }

    @Test
    void dotDotPathsAreRefused() {
        assertRefused(Problem.HOSTILE_ENTRY, "\"..\" element", withFiles(0, 1).file("../../etc/cron.d/x", new byte[1]));
        assertRefused(Problem.HOSTILE_ENTRY, "\"..\" element", withFiles(0, 1).file("a/../../x", new byte[1]));
    }

    @Test
    void absolutePathsAreRefused() {
        assertRefused(Problem.HOSTILE_ENTRY, "absolute", withFiles(0, 1).file("/etc/passwd", new byte[1]));
    }

    @Test
    void linksAreRefused() {
        String next = rows.get(1).path();
        assertRefused(Problem.HOSTILE_ENTRY, "symbolic link",
                withFiles(0, 1).special(next, TarConstants.LF_SYMLINK, "/etc/passwd"));
        assertRefused(Problem.HOSTILE_ENTRY, "hard link",
                withFiles(0, 1).special(next, TarConstants.LF_LINK, rows.get(0).path()));
    }

    @Test
    void devicesFifosDirectoriesAndOtherTypesAreRefused() {
        String next = rows.get(1).path();
        assertRefused(Problem.HOSTILE_ENTRY, "a device", withFiles(0, 1).special(next, TarConstants.LF_CHR, null));
        assertRefused(Problem.HOSTILE_ENTRY, "a device", withFiles(0, 1).special(next, TarConstants.LF_BLK, null));
        assertRefused(Problem.HOSTILE_ENTRY, "a fifo", withFiles(0, 1).special(next, TarConstants.LF_FIFO, null));
        assertRefused(Problem.HOSTILE_ENTRY, "a directory", withFiles(0, 1).special("example.com/", TarConstants.LF_DIR,
                null));
        assertRefused(Problem.HOSTILE_ENTRY, "unsupported type '7'",
                withFiles(0, 1).special(next, TarConstants.LF_CONTIG, null));
    }

    @Test
    void paxHeadersCannotRenameAnEntryToSomethingHostile() {
        String next = rows.get(1).path();
        assertRefused(Problem.HOSTILE_ENTRY, "\"..\" element",
                withFiles(0, 1).pax("path", "../escape").file(next, files.content(next)));
        BundleException e = refused(withFiles(0, 1).pax("path", "/etc/passwd").file(next, files.content(next)));
        assertTrue(e.problem() == Problem.HOSTILE_ENTRY || e.problem() == Problem.UNEXPECTED_ENTRY, e.getMessage());
        assertRefused(Problem.HOSTILE_ENTRY, "symbolic link", withFiles(0, 1).pax("linkpath", "/etc")
                .special(next, TarConstants.LF_SYMLINK, "harmless"));
    }

    @Test
    void aRepeatedFileIsRefused() {
        String first = rows.get(0).path();
        assertRefused(Problem.UNEXPECTED_ENTRY, "a second time", allFiles().file(first, files.content(first)));
    }

    @Test
    void aFileTheManifestDoesNotListIsRefused() {
        assertRefused(Problem.UNEXPECTED_ENTRY, "does not list", allFiles().file("example.com/zzz/@v/list", new byte[1]));
        assertRefused(Problem.UNEXPECTED_ENTRY, "does not list",
                withFiles(0, 0).file(BundleLayout.SIGNATURE_ENTRY, "sig".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void missingFilesAreRefused() {
        assertRefused(Problem.MISSING_FILE, "ends without 1 file(s) its manifest lists: " + rows.get(3).path(),
                withFiles(0, 3));
        CraftedBundle gap = withFiles(0, 1);
        rows.subList(2, 4).forEach(r -> gap.file(r.path(), files.content(r.path())));
        assertRefused(Problem.MISSING_FILE, "lacks " + rows.get(1).path(), gap);
    }

    @Test
    void aSizeOtherThanTheManifestsIsRefusedBeforeReading() {
        String second = rows.get(1).path();
        byte[] bigger = Arrays.copyOf(files.content(second), files.content(second).length + 100);
        assertRefused(Problem.CONTENT_MISMATCH, "the manifest says " + rows.get(1).size(),
                withFiles(0, 1).file(second, bigger));
    }

    @Test
    void alteredContentFailsTheLastRead() throws IOException {
        String second = rows.get(1).path();
        byte[] altered = files.content(second);
        altered[0] ^= 1;
        CraftedBundle crafted = withFiles(0, 1).file(second, altered);
        rows.subList(2, 4).forEach(r -> crafted.file(r.path(), files.content(r.path())));
        Path file = crafted.writeTo(dir.resolve("altered"));
        try (BundleReader reader = BundleReader.open(file, TrustPolicy.integrityOnly())) {
            reader.next();
            InputStream content = reader.next().orElseThrow().content();
            assertEquals(altered.length, content.readNBytes(altered.length).length);
            BundleException e = assertThrows(BundleException.class, content::read);
            assertEquals(Problem.CONTENT_MISMATCH, e.problem());
            assertTrue(e.getMessage().contains(second + " has sha256"), e.getMessage());
        }
        assertEquals(Problem.CONTENT_MISMATCH, Bundles.failure(file, TrustPolicy.integrityOnly()).problem());
    }

    @Test
    void truncatedCompressionIsCorrupt() {
        for (Compression c : Compression.values()) {
            byte[] whole = bundle(c);
            for (int keep : new int[] {whole.length / 3, whole.length * 2 / 3, whole.length - 1}) {
                BundleException e = refused(Arrays.copyOf(whole, keep));
                assertEquals(Problem.CORRUPT, e.problem(), c + " cut at " + keep + ": " + e.getMessage());
            }
        }
    }

    @Test
    void dataAfterTheCompressedStreamIsRefused() {
        for (Compression c : Compression.values()) {
            byte[] whole = bundle(c);
            byte[] extended = Arrays.copyOf(whole, whole.length + 5);
            BundleException e = refused(extended);
            assertTrue(e.problem() == Problem.TRAILING_DATA || e.problem() == Problem.CORRUPT, c + ": " + e);
        }
    }

    @Test
    void dataAfterTheTarEndIsRefused() {
        assertRefused(Problem.TRAILING_DATA, "after the end of the tar archive", allFiles().endTarThenAppend('x', 10));
    }

    @Test
    void aBombOfPaddingIsCutShort() {
        assertRefused(Problem.TOO_LARGE, "decompression bomb", allFiles().endTarThenAppend(0, 200L << 20));
    }

    @Test
    void aBombInAPaxHeaderIsCutShort() {
        String next = rows.get(1).path();
        assertRefused(Problem.TOO_LARGE, "decompression bomb",
                withFiles(0, 1).hugePax(100L << 20).file(next, files.content(next)));
    }

    @Test
    void anOversizedManifestIsRefusedUnread() {
        CraftedBundle crafted = new CraftedBundle(Compression.ZSTD);
        TarArchiveEntry entry = new TarArchiveEntry(BundleLayout.MANIFEST_ENTRY);
        crafted.entry(entry, new byte[(int) BundleLayout.MAX_MANIFEST_BYTES + 1]);
        assertRefused(Problem.TOO_LARGE, "manifest.json has", crafted);
    }

    @Test
    void somethingElseIsNotABundle() {
        BundleException plain = refused("plain text".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Problem.NOT_A_BUNDLE, plain.problem());
        assertTrue(plain.getMessage().contains("neither zstd nor gzip"), plain.getMessage());
        assertRefused(Problem.NOT_A_BUNDLE, "does not have .gosync-bundle/manifest.json",
                new CraftedBundle(Compression.GZIP).file("README", new byte[3]));
        Manifest signed = files.manifest("sshsig").build();
        assertRefused(Problem.NOT_A_BUNDLE, "does not have .gosync-bundle/manifest.json.sig",
                CraftedBundle.startingWith(signed).file(rows.get(0).path(), files.content(rows.get(0).path())));
    }

    @Test
    void aDamagedManifestIsAManifestError() {
        CraftedBundle crafted = new CraftedBundle(Compression.ZSTD).file(BundleLayout.MANIFEST_ENTRY,
                "{\"format\": \"gosync-bundle/7\"}".getBytes(StandardCharsets.US_ASCII));
        Path file = crafted.writeTo(dir.resolve("m"));
        assertThrows(ManifestException.class,
                () -> BundleReader.open(file, TrustPolicy.integrityOnly()));
    }

    @Test
    void anUnsignedManifestCannotStandInForASignedOne() {
        Path file = allFiles().writeTo(dir.resolve("stripped"));
        assertThrows(SignatureException.class, () -> BundleReader.open(file, Bundles.TRUSTING_KEY));
    }

    private byte[] bundle(Compression compression) {
        CraftedBundle crafted = new CraftedBundle(compression).file(BundleLayout.MANIFEST_ENTRY,
                ManifestCodec.write(manifest));
        rows.forEach(r -> crafted.file(r.path(), files.content(r.path())));
        return crafted.bytes();
    }
}
