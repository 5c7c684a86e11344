package dev.gosync.gomod.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.FileTrees;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.zip.RawZip.Entry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ModuleZips.checkZip reports on existing zips exactly as x/mod's zip.CheckZip does. */
class CheckZipDifferentialTest {
    private static final String PATH = "example.com/m";
    private static final String VERSION = "v1.0.0";
    private static final String PREFIX = PATH + "@" + VERSION + "/";
    private static final long MIB = 1 << 20;

    private static Path scratch;

    @TempDir
    Path tmp;

    @BeforeContainer
    static void createScratch() throws IOException {
        scratch = Files.createTempDirectory("checkzip");
    }

    @AfterContainer
    static void deleteScratch() throws IOException {
        FileTrees.delete(scratch);
    }

    @Test
    void aCleanZipIsValidWithEveryFileListed() throws IOException {
        assertSameReport(tmp, List.of(Entry.file(PREFIX + "go.mod", "module example.com/m\n"),
                Entry.file(PREFIX + "a.go", "package a\n"), Entry.file(PREFIX + "LICENSE", "MIT")));
    }

    @Test
    void entriesOutsideThePrefixAreInvalid() throws IOException {
        assertSameReport(tmp, List.of(Entry.file("example.com/m@v1.0.1/a.go", ""), Entry.file("a.go", ""),
                Entry.file("example.com/m@v1.0.0", "")));
    }

    @Test
    void directoryEntriesAreCheckedButNotListedAsValid() throws IOException {
        assertSameReport(tmp, List.of(Entry.dir(PREFIX), Entry.dir(PREFIX + "d/"), Entry.file(PREFIX + "d/a.go", ""),
                Entry.dir(PREFIX + "d/"), Entry.dir(PREFIX + "bad:dir/")));
    }

    @Test
    void uncleanAndMalformedNamesAreInvalid() throws IOException {
        assertSameReport(tmp, List.of(Entry.file(PREFIX + "a/../b.go", ""), Entry.file(PREFIX + "./c.go", ""),
                Entry.file(PREFIX + "a//b.go", ""), Entry.file(PREFIX + "bad:name.go", ""),
                Entry.file(PREFIX + "CON.txt", ""), Entry.file(PREFIX + "trailing.", ""), Entry.file(PREFIX + "x\\y", "")));
    }

    @Test
    void caseFoldingCollisionsUseUnicodeSimpleFolding() throws IOException {
        assertSameReport(tmp, List.of(Entry.file(PREFIX + "kelvin", ""), Entry.file(PREFIX + "\u212Aelvin", ""),
                Entry.file(PREFIX + "README", ""), Entry.file(PREFIX + "readme", ""),
                Entry.file(PREFIX + "i.txt", ""), Entry.file(PREFIX + "\u0130.txt", ""),
                Entry.file(PREFIX + "Dir/a", ""), Entry.file(PREFIX + "dir/b", ""),
                Entry.file(PREFIX + "\uD801\uDC00", ""), Entry.file(PREFIX + "\uD801\uDC28", ""),
                Entry.file(PREFIX + "\u017Fum", ""), Entry.file(PREFIX + "sum", ""),
                Entry.file(PREFIX + "\u03a3\u03c2", ""), Entry.file(PREFIX + "\u03c3\u03c3", "")));
    }

    @Test
    void fileAndDirectoryOfOneNameAndDuplicatesAreInvalid() throws IOException {
        assertSameReport(tmp, List.of(Entry.file(PREFIX + "a", ""), Entry.file(PREFIX + "a/b", ""),
                Entry.file(PREFIX + "c/d", ""), Entry.file(PREFIX + "c", ""),
                Entry.file(PREFIX + "e", ""), Entry.file(PREFIX + "e", "again")));
    }

    @Test
    void goModOnlyAtTheRootAndSpelledExactly() throws IOException {
        assertSameReport(tmp, List.of(Entry.file(PREFIX + "sub/go.mod", ""), Entry.file(PREFIX + "GO.MOD", ""),
                Entry.file(PREFIX + "sub/Go.Mod", "")));
    }

    @Test
    void sizeLimitsApplyToDeclaredSizes() throws IOException {
        assertSameReport(tmp, List.of(Entry.file(PREFIX + "go.mod", "").declaring(16 * MIB + 1),
                Entry.file(PREFIX + "LICENSE", "").declaring(16 * MIB + 1),
                Entry.file(PREFIX + "big1", "").declaring(300 * MIB), Entry.file(PREFIX + "big2", "").declaring(300 * MIB),
                Entry.file(PREFIX + "small", "")));
    }

    @Test
    void aZipFileOverTheLimitIsReportedWithoutBeingRead() throws IOException {
        Path zip = tmp.resolve("huge.zip");
        try (RandomAccessFile f = new RandomAccessFile(zip.toFile(), "rw")) {
            f.setLength(ModuleZips.MAX_ZIP_FILE + 1);
        }
        assertSameReport(zip);
    }

    @Test
    void invalidModuleVersionsFailBeforeTheZipIsRead() throws IOException {
        Path zip = RawZip.write(tmp.resolve("m.zip"), List.of(Entry.file(PREFIX + "a.go", "")));
        for (String[] mv : new String[][] {{PATH, "v1.0"}, {PATH, "v2.0.0"}, {"example.com/m/v2", VERSION}, {"Example.com/m", VERSION}}) {
            XModZip.Answer x = XModZip.checkZip(mv[0], mv[1], zip);
            assertNotNull(x.err(), "x/mod accepts " + mv[0] + "@" + mv[1]);
            assertThrows(ModuleZipException.class, () -> ModuleZips.checkZip(new ModuleVersion(mv[0], mv[1]), zip));
        }
    }

    /**
     * A deliberate difference: x/mod lists a name that is not UTF-8 as an invalid file, while the
     * JDK's zip reader refuses the whole zip. Both reject it.
     */
    @Test
    void namesThatAreNotUtf8MakeTheZipUnreadable() throws IOException {
        byte[] name = (PREFIX + "a\u00ff.go").getBytes(StandardCharsets.ISO_8859_1);
        Path zip = RawZip.write(tmp.resolve("latin1.zip"), List.of(Entry.file(PREFIX + "ok.go", ""), Entry.rawName(name, "")));
        XModZip.Answer x = XModZip.checkZip(PATH, VERSION, zip);
        assertEquals(List.of(PREFIX + "ok.go"), x.files().valid());
        assertEquals(1, x.files().invalid().size());
        assertThrows(ModuleZipException.class, () -> ModuleZips.checkZip(new ModuleVersion(PATH, VERSION), zip));
    }

    @Property(tries = 400, seed = "20260813")
    void generatedZipsGetTheSameReport(@ForAll("zips") List<Entry> entries) throws IOException {
        assertSameReport(scratch, entries);
    }

    @Provide
    Arbitrary<List<Entry>> zips() {
        Arbitrary<String> prefix = Arbitraries.frequency(
                Tuple.of(12, PREFIX), Tuple.of(1, "example.com/m@v1.0.1/"),
                Tuple.of(1, "example.com/M@v1.0.0/"), Tuple.of(1, ""));
        Arbitrary<String> name = Arbitraries.of("", "a.go", "A.go", "b/c.go", "B/d.go", "b/", "b", "go.mod", "GO.MOD",
                "sub/go.mod", "sub/x.go", "LICENSE", "vendor/x/y.go", "vendor/modules.txt", ".hg_archival.txt",
                "bad:name", "a/../b", "./a", "a//b", "/abs", "dir/", "dir/f", "\u212Aelvin", "kelvin", "\u017Fs", "SS",
                "\u00e9t\u00e9", "\u00c9T\u00c9", "\uD801\uDC00", "\uD801\uDC28", "\uFFFD", "\uFFFF", "CON.txt",
                "-dash", " space", "x~1", "\u0130", "i", "\u03a3", "\u03c2", "\u03c3");
        Arbitrary<Long> size = Arbitraries.frequency(Tuple.of(20, -1L), Tuple.of(2, 16 * MIB + 1),
                Tuple.of(2, 260 * MIB), Tuple.of(1, 0xFFFFFFFEL));
        Arbitrary<Entry> entry = Combinators.combine(prefix, name, Arbitraries.strings().ofMaxLength(4), size)
                .as((p, n, content, declared) -> {
                    Entry e = Entry.file(p + n, content);
                    return declared < 0 ? e : e.declaring(declared);
                });
        return entry.list().ofMaxSize(10);
    }

    private static void assertSameReport(Path dir, List<Entry> entries) throws IOException {
        Path zip = RawZip.write(Files.createTempFile(dir, "case", ".zip"), entries);
        try {
            assertSameReport(zip);
        } finally {
            Files.delete(zip);
        }
    }

    private static void assertSameReport(Path zip) {
        XModZip.Answer expected = XModZip.checkZip(PATH, VERSION, zip);
        CheckedFiles actual = ModuleZips.checkZip(new ModuleVersion(PATH, VERSION), zip);
        assertEquals(expected.files(), actual);
        assertEquals(expected.err() == null, actual.isValid());
        if (expected.err() != null) {
            assertEquals(expected.err(), actual.error().orElseThrow());
        }
        assertFalse(actual.valid().stream().anyMatch(v -> v.endsWith("/")));
        assertTrue(actual.omitted().isEmpty());
    }
}
