package dev.gosync.bundle.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.parts.PartNames;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import dev.gosync.bundle.testing.TestBundles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitBundleTest {
    private static final int PART = 1000;

    @TempDir
    Path dir;
    private Path base;
    private WrittenBundle written;
    private final TestBundles files = TestBundles.sample().add("example.com/big/@v/v1.0.0.zip", noise(5000));

    private static byte[] noise(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    @BeforeEach
    void writeSplitBundle() {
        base = dir.resolve("b.tar.zst");
        written = BundleWriter.signedBy(Bundles.SIGNER).withPartSize(PART)
                .write(files.manifest(SshSigSigner.SCHEME).build(), files.source(), base);
    }

    private Path part(int n) {
        return PartNames.part(base, n);
    }

    private BundleException failure(Path given) {
        return Bundles.failure(given, Bundles.TRUSTING_KEY);
    }

    @Test
    void partsAreBoundedNumberedAndIndexedLast() throws IOException {
        int count = written.files().size() - 1;
        assertTrue(count >= 6, "a 5000-byte incompressible file must need several parts");
        for (int i = 1; i <= count; i++) {
            assertEquals(part(i), written.files().get(i - 1));
            assertTrue(Files.size(part(i)) <= PART);
        }
        assertEquals(PartNames.index(base), written.files().get(count));
        assertEquals(written.compressedBytes(), written.files().subList(0, count).stream().mapToLong(p -> {
            try {
                return Files.size(p);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).sum());
    }

    @Test
    void concatenatedPartsAreTheSingleFileBundle() throws IOException {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Path p : written.files().subList(0, written.files().size() - 1)) {
            joined.writeBytes(Files.readAllBytes(p));
        }
        Path single = dir.resolve("single.tar.zst");
        BundleWriter.signedBy(Bundles.SIGNER).write(files.manifest(SshSigSigner.SCHEME).build(), files.source(),
                single);
        assertArrayEquals(Files.readAllBytes(single), joined.toByteArray());
    }

    @Test
    void theBundleOpensByBaseNameFirstPartOrIndex() {
        for (Path given : List.of(base, part(1), PartNames.index(base))) {
            assertEquals(files.files().size(), Bundles.verify(given, Bundles.TRUSTING_KEY).files(), given.toString());
        }
    }

    @Test
    void aLaterPartIsNotAStartingPoint() {
        BundleException e = failure(part(2));
        assertEquals(Problem.NOT_FOUND, e.problem());
        assertTrue(e.remedy().contains("b.tar.zst.part-0001"), e.remedy());
    }

    @Test
    void aMissingPartIsNamed() throws IOException {
        Files.delete(part(3));
        BundleException e = failure(base);
        assertEquals(Problem.MISSING_PART, e.problem());
        assertTrue(e.getMessage().contains("part 3 of"), e.getMessage());
    }

    @Test
    void aMissingIndexIsNamed() throws IOException {
        Files.delete(PartNames.index(base));
        BundleException e = failure(part(1));
        assertEquals(Problem.MISSING_PART, e.problem());
        assertTrue(e.getMessage().contains("b.tar.zst.parts.json"), e.getMessage());
    }

    @Test
    void swappedPartsAreNamedAsOutOfOrder() throws IOException {
        Path temp = dir.resolve("temp");
        Files.move(part(2), temp);
        Files.move(part(3), part(2));
        Files.move(temp, part(3));
        BundleException e = failure(base);
        assertEquals(Problem.PART_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("part 2 of"), e.getMessage());
        assertTrue(e.getMessage().contains("out of order"), e.getMessage());
    }

    @Test
    void aDamagedPartIsNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(part(4));
        bytes[100] ^= 1;
        Files.write(part(4), bytes);
        BundleException e = failure(base);
        assertEquals(Problem.PART_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("part 4 of"), e.getMessage());
    }

    @Test
    void aTruncatedPartIsFoundBeforeReading() throws IOException {
        byte[] bytes = Files.readAllBytes(part(2));
        Files.write(part(2), Arrays.copyOf(bytes, bytes.length - 1));
        BundleException e = failure(base);
        assertEquals(Problem.PART_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void anExtraPartMeansMixedBundles() throws IOException {
        int count = written.files().size() - 1;
        Files.copy(part(1), part(count + 1));
        assertEquals(Problem.PART_MISMATCH, failure(base).problem());
    }

    @Test
    void anIndexOfAnotherBundleIsRefused() throws IOException {
        Path index = PartNames.index(base);
        Files.writeString(index, Files.readString(index).replace(written.bundleId(), "0".repeat(32)));
        BundleException e = failure(base);
        assertEquals(Problem.PART_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("index belongs to bundle"), e.getMessage());
    }

    @Test
    void aDamagedIndexIsRefused() throws IOException {
        Files.writeString(PartNames.index(base), "{\"format\": \"gosync-bundle-parts/9\"}");
        assertEquals(Problem.CORRUPT, failure(base).problem());
    }

    @Test
    void anExistingPartBlocksTheWrite() throws IOException {
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.copy(part(1), PartNames.part(other.resolve("b.tar.zst"), 1), StandardCopyOption.COPY_ATTRIBUTES);
        BundleException e = assertThrows(BundleException.class, () -> BundleWriter.signedBy(Bundles.SIGNER)
                .withPartSize(PART).write(files.manifest(SshSigSigner.SCHEME).build(), files.source(),
                        other.resolve("b.tar.zst")));
        assertEquals(Problem.TARGET_EXISTS, e.problem());
        assertEquals(List.of("b.tar.zst.part-0001"), Bundles.listing(other));
    }
}
