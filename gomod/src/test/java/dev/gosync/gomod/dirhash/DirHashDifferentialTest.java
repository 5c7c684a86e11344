package dev.gosync.gomod.dirhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** hashZip and hashDir give x/mod's HashZip and HashDir answers, and fail where they fail. */
class DirHashDifferentialTest {
    /** Names whose UTF-8 and UTF-16 orders differ, non-ASCII names, and plain ones. */
    private static final List<String> NAMES = List.of("a", "b.go", "B.go", "\u00e9", "\uFFFD", "\uFFFF", "\uFF21",
            "\uD800\uDC00", "\uD83D\uDE00", "\uD83D\uDE00x", "z\uE000", "x y", "-", "go.mod", "LICENSE");
    private static final List<String> DIRS = List.of("", "", "sub/", "\uD83D\uDE00/", "\uFFFD/", "sub/deeper/");

    private static Path scratch;

    @BeforeContainer
    static void createScratch() throws IOException {
        scratch = Files.createTempDirectory("dirhash");
    }

    @AfterContainer
    static void deleteScratch() throws IOException {
        FileTrees.delete(scratch);
    }

    @Property(tries = 200, seed = "20260813")
    void zipHashesAgreeWithXMod(@ForAll("zipEntries") List<Entry> entries) throws IOException {
        Path zip = RawZip.write(Files.createTempFile(scratch, "h", ".zip"), entries);
        assertSameZipHash(zip);
    }

    @Property(tries = 60, seed = "20260813")
    void deflatedZipsHashByContentAsXModDoes(@ForAll("zipEntries") List<Entry> entries) throws IOException {
        Path zip = Files.createTempFile(scratch, "d", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
            List<String> written = new ArrayList<>();
            for (Entry e : entries) {
                if (!written.contains(e.name()) && !e.name().endsWith("/")) {
                    written.add(e.name());
                    out.putNextEntry(new ZipEntry(e.name()));
                    out.write(e.data());
                    out.closeEntry();
                }
            }
        }
        assertSameZipHash(zip);
    }

    @Property(tries = 100, seed = "20260813")
    void directoryHashesAgreeWithXMod(@ForAll("trees") List<String> files,
                                      @ForAll("prefixes") String prefix) throws IOException {
        Path dir = Files.createTempDirectory(scratch, "t");
        for (String f : files) {
            Path p = dir.resolve(f);
            try {
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.length() % 3 == 0 ? "" : f);
            } catch (IOException fileAndDirectoryOfOneName) {
                // The generator may name a file and a directory alike; the first one made wins.
            }
        }
        String expected = GoOracle.get().text("dirhash.HashDir", dir.toString(), prefix);
        assertEquals(expected, DirHash.hashDir(dir, prefix));
        FileTrees.delete(dir);
    }

    @Example
    void linksAreHashedAsTheirTargetsAndBrokenOnesFail() throws IOException {
        Path dir = Files.createTempDirectory(scratch, "l");
        Files.writeString(dir.resolve("target"), "content");
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("target"));
        assertEquals(GoOracle.get().text("dirhash.HashDir", dir.toString(), "p"), DirHash.hashDir(dir, "p"));
        Files.createSymbolicLink(dir.resolve("broken"), dir.resolve("missing"));
        assertNull(GoOracle.get().text("dirhash.HashDir", dir.toString(), "p"));
        assertThrows(DirHashException.class, () -> DirHash.hashDir(dir, "p"));
        FileTrees.delete(dir);
    }

    @Provide
    Arbitrary<List<Entry>> zipEntries() {
        Arbitrary<String> name = Combinators.combine(Arbitraries.of(DIRS), Arbitraries.of(NAMES)).as(String::concat);
        Arbitrary<Entry> file = Combinators.combine(name, Arbitraries.strings().ofMaxLength(20)).as(Entry::file);
        Arbitrary<Entry> dir = Arbitraries.of(DIRS).filter(d -> !d.isEmpty()).map(Entry::dir);
        Arbitrary<Entry> lying = file.filter(e -> e.data().length > 0).map(e -> e.declaring(e.data().length - 1));
        Arbitrary<Entry> dirWithData = Arbitraries.of(DIRS).filter(d -> !d.isEmpty())
                .map(d -> new Entry(d, new byte[] {1}, 1));
        return Arbitraries.frequencyOf(Tuple.of(20, file), Tuple.of(4, dir), Tuple.of(1, lying), Tuple.of(1, dirWithData))
                .list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> trees() {
        return Combinators.combine(Arbitraries.of(DIRS), Arbitraries.of(NAMES)).as(String::concat)
                .list().ofMaxSize(8).uniqueElements();
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("example.com/m@v1.0.0", "", "p", "example.com/\u00fcber@v1.2.3");
    }

    private static void assertSameZipHash(Path zip) {
        String expected = GoOracle.get().text("dirhash.HashZip", zip.toString());
        if (expected == null) {
            assertThrows(DirHashException.class, () -> DirHash.hashZip(zip), "x/mod refuses to hash this zip");
        } else {
            assertEquals(expected, DirHash.hashZip(zip));
        }
    }
}
