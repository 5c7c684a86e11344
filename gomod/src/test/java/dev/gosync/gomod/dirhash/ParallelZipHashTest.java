package dev.gosync.gomod.dirhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.FileTrees;
import dev.gosync.fixtures.GoOracle;
import dev.gosync.gomod.zip.RawZip;
import dev.gosync.gomod.zip.RawZip.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The entries of a large zip are hashed on several threads: the h1, and the error for a zip that
 * cannot be hashed, are those of one thread reading the entries in order, and x/mod's.
 */
class ParallelZipHashTest {
    private static final String PREFIX = "example.com/big@v1.0.0/";
    private static Path scratch;

    @BeforeContainer
    static void createScratch() throws IOException {
        scratch = Files.createTempDirectory("parallel-h1");
    }

    @AfterContainer
    static void deleteScratch() throws IOException {
        FileTrees.delete(scratch);
    }

    @Property(tries = 150, seed = "20261128")
    void anyNumberOfThreadsGivesTheSingleThreadAnswer(@ForAll("zipEntries") List<Entry> entries,
                                                      @ForAll("helpers") int helpers) throws IOException {
        Path zip = RawZip.write(Files.createTempFile(scratch, "p", ".zip"), entries);
        assertEquals(outcome(zip, 0, Long.MAX_VALUE), outcome(zip, helpers, 0));
    }

    @Example
    void aLargeZipHashedInParallelHasTheGoCommandsH1() throws IOException {
        Path zip = largeZip(Files.createTempFile(scratch, "large", ".zip"), 1);
        assertTrue(Files.size(zip) >= ZipDigests.PARALLEL_THRESHOLD, "large enough to be hashed in parallel by default");
        String h1 = DirHash.hashZip(zip);
        assertEquals(GoOracle.get().text("dirhash.HashZip", zip.toString()), h1);
        assertEquals("ok " + h1, outcome(zip, 0, Long.MAX_VALUE));
        assertEquals("ok " + h1, outcome(zip, 7, 0));
    }

    @Example
    void theFirstCorruptEntryInOrderIsReportedWhicheverThreadFindsOneFirst() throws IOException {
        List<Entry> entries = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 64; i++) {
            byte[] data = new byte[(i + 1) * 2048];
            random.nextBytes(data);
            entries.add(new Entry(PREFIX + "f" + i, data, data.length));
        }
        byte[] bytes = RawZip.bytes(entries);
        // Damage three entries; the first in central-directory order is the smallest, which the
        // threads (taking large entries first) reach last.
        for (int damaged : new int[] {50, 20, 60}) {
            byte[] data = entries.get(damaged).data();
            bytes[indexOf(bytes, data) + data.length / 2] ^= 1;
        }
        Path zip = Files.write(Files.createTempFile(scratch, "corrupt", ".zip"), bytes);
        String sequential = outcome(zip, 0, Long.MAX_VALUE);
        assertEquals("java.util.zip.ZipException: entry " + PREFIX + "f20 fails its CRC-32 check", sequential);
        for (int round = 0; round < 20; round++) {
            assertEquals(sequential, outcome(zip, 3, 0));
        }
        DirHashException e = assertThrows(DirHashException.class, () -> DirHash.hashZip(zip));
        assertTrue(e.getMessage().contains(PREFIX + "f20 fails its CRC-32 check"), e.getMessage());
        assertEquals(null, GoOracle.get().text("dirhash.HashZip", zip.toString()), "x/mod refuses it too");
    }

    @Example
    void aDeflatedEntryThatLiesAboutItsSizeIsCaughtInParallelToo() throws IOException {
        Path zip = largeZip(Files.createTempFile(scratch, "lying", ".zip"), 2);
        byte[] bytes = Files.readAllBytes(zip);
        // Declare one more byte than the first .go file holds, in its central-directory record.
        int central = lastIndexOf(bytes, new byte[] {0x50, 0x4b, 0x01, 0x02});
        while (!new String(bytes, central + 46, nameLength(bytes, central), StandardCharsets.UTF_8).endsWith(".go")) {
            central = lastIndexOf(bytes, new byte[] {0x50, 0x4b, 0x01, 0x02}, central - 1);
        }
        bytes[central + 24]++;
        Files.write(zip, bytes);
        String sequential = outcome(zip, 0, Long.MAX_VALUE);
        assertTrue(sequential.contains("bytes but declares"), sequential);
        assertEquals(sequential, outcome(zip, 5, 0));
    }

    @Provide
    Arbitrary<Integer> helpers() {
        return Arbitraries.integers().between(1, 6);
    }

    @Provide
    Arbitrary<List<Entry>> zipEntries() {
        Arbitrary<String> name = Arbitraries.of("a", "b.go", "B.go", "\u00e9", "go.mod", "x\ny", "sub/", "sub/c.go")
                .map(n -> PREFIX + n);
        Arbitrary<Entry> file = Combinators.combine(name, Arbitraries.strings().ofMaxLength(300)).as(Entry::file);
        Arbitrary<Entry> lying = file.filter(e -> e.data().length > 0).map(e -> e.declaring(e.data().length - 1));
        Arbitrary<Entry> dirWithData = Arbitraries.of(PREFIX + "d/").map(d -> new Entry(d, new byte[] {1}, 1));
        return Arbitraries.frequencyOf(Tuple.of(20, file), Tuple.of(3, lying), Tuple.of(1, dirWithData))
                .list().ofMaxSize(12);
    }

    /** "ok h1" or the exception's class and message, for comparing outcomes. */
    private static String outcome(Path zip, int helpers, long threshold) {
        try (ZipFile zf = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            return "ok " + ZipDigests.hash(zf, helpers, threshold);
        } catch (IOException | RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** A deflated module zip of 9+ MB: many small .go files and a few incompressible blobs. */
    private static Path largeZip(Path file, long seed) throws IOException {
        Random random = new Random(seed);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            out.putNextEntry(new ZipEntry(PREFIX + "go.mod"));
            out.write("module example.com/big\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 400; i++) {
                out.putNextEntry(new ZipEntry(PREFIX + "pkg" + (i % 7) + "/f" + i + ".go"));
                out.write(("package pkg\n\n// file " + i + "\n").repeat(1 + random.nextInt(200))
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 3; i++) {
                byte[] blob = new byte[3 << 20];
                random.nextBytes(blob);
                out.putNextEntry(new ZipEntry(PREFIX + "testdata/blob" + i + ".bin"));
                out.write(blob);
            }
        }
        return file;
    }

    private static int nameLength(byte[] b, int central) {
        return (b[central + 28] & 0xff) | (b[central + 29] & 0xff) << 8;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        return lastIndexOf(haystack, needle, haystack.length - needle.length);
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
