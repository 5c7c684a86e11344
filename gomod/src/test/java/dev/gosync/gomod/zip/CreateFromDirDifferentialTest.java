package dev.gosync.gomod.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.FileTrees;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * createFromDir and checkDir treat a directory exactly as x/mod's CreateFromDir and CheckDir:
 * the same zip (same entries, same order, same h1) or the same failure, and the same report.
 */
class CreateFromDirDifferentialTest {
    private static final ModuleVersion MV = new ModuleVersion("example.com/m", "v1.0.0");

    private static Path scratch;

    @BeforeContainer
    static void createScratch() throws IOException {
        scratch = Files.createTempDirectory("createzip");
    }

    @AfterContainer
    static void deleteScratch() throws IOException {
        FileTrees.delete(scratch);
    }

    @Property(tries = 150, seed = "20260813")
    void generatedTreesZipAsXModZipsThem(@ForAll("trees") ModuleTrees.Tree tree) throws IOException {
        Path dir = scratch.resolve("tree");
        ModuleTrees.write(tree, dir);
        assertTreatedAsXModTreatsIt(dir);
    }

    @Example
    void aSymlinkedRootGoModDecidesTheWalkButIsNotZipped() throws IOException {
        Path dir = scratch.resolve("linked");
        ModuleTrees.write(new ModuleTrees.Tree(null, List.of(
                new ModuleTrees.Node("real/go.mod.txt", ModuleTrees.Kind.FILE, "module example.com/m\n\ngo 1.24\n"),
                new ModuleTrees.Node("vendor/modules.txt", ModuleTrees.Kind.FILE, "# vendored\n"),
                new ModuleTrees.Node("pkg/vendor/vendor.go", ModuleTrees.Kind.FILE, "package vendor\n"))), dir);
        Files.createSymbolicLink(dir.resolve("go.mod"), dir.resolve("real/go.mod.txt"));
        assertTreatedAsXModTreatsIt(dir);
    }

    @Example
    void fileNamesWithLettersNewerThanJavasUnicodeZipAsXModZipsThem() throws IOException {
        // U+10570 VITHKUQI CAPITAL LETTER A, U+2C2F, U+A7C0 and U+0870 came with Unicode 14.
        List<String> names = List.of("\uD801\uDD70.go", "\u2C2F/doc.txt", "\uA7C0.md", "x/\u0870.go");
        Path dir = scratch.resolve("newer-letters");
        ModuleTrees.write(new ModuleTrees.Tree(ModuleTrees.GO_MODS.get(1), names.stream()
                .map(n -> new ModuleTrees.Node(n, ModuleTrees.Kind.FILE, "content of " + n + "\n")).toList()), dir);
        XModZip.Answer xmod = XModZip.checkDir(dir);
        assertEquals(List.of(), xmod.files().invalid());
        assertTrue(xmod.files().valid().containsAll(names), () -> "x/mod's valid files: " + xmod.files().valid());
        assertTreatedAsXModTreatsIt(dir);
    }

    @Example
    void invalidModuleVersionsFailLikeXMod() throws IOException {
        Path dir = scratch.resolve("plain");
        ModuleTrees.write(new ModuleTrees.Tree(ModuleTrees.GO_MODS.get(0), List.of()), dir);
        try {
            for (ModuleVersion mv : List.of(new ModuleVersion("example.com/m", "v1.0"),
                    new ModuleVersion("example.com/m/v2", "v1.0.0"), new ModuleVersion("example.com/m", "v2.0.0"))) {
                Path zip = scratch.resolve("x.zip");
                assertNotNull(XModZip.createFromDir(zip, mv.path(), mv.version(), dir));
                assertThrows(ModuleZipException.class, () -> ModuleZips.createFromDir(mv, dir, OutputStream.nullOutputStream()));
            }
        } finally {
            FileTrees.delete(dir);
        }
    }

    @Provide
    Arbitrary<ModuleTrees.Tree> trees() {
        return ModuleTrees.trees();
    }

    /** Checks and zips dir as x/mod does, then deletes it. */
    private static void assertTreatedAsXModTreatsIt(Path dir) throws IOException {
        try {
            assertSameCheckDir(dir);
            assertSameZip(dir);
        } finally {
            FileTrees.delete(dir);
        }
    }

    private static void assertSameCheckDir(Path dir) {
        XModZip.Answer expected = XModZip.checkDir(dir);
        CheckedFiles actual = ModuleZips.checkDir(dir);
        assertEquals(expected.files(), actual);
        assertEquals(expected.err() == null, actual.isValid(), () -> "x/mod: " + expected.err());
    }

    private static void assertSameZip(Path dir) throws IOException {
        Path theirs = scratch.resolve("theirs.zip");
        Path ours = scratch.resolve("ours.zip");
        try {
            String theirError = XModZip.createFromDir(theirs, MV.path(), MV.version(), dir);
            if (theirError != null) {
                ModuleZipException e = assertThrows(ModuleZipException.class, () -> create(dir, ours),
                        "x/mod fails with: " + theirError);
                assertEquals(stripContext(theirError), stripContext(e.getMessage()));
                return;
            }
            CreatedZip created = create(dir, ours);
            assertEquals(entryNames(theirs), entryNames(ours));
            String h1 = XModZip.hashZip(theirs);
            assertEquals(h1, created.h1());
            assertEquals(h1, DirHash.hashZip(ours));
            assertEquals(entryNames(ours).size(), created.files());
        } finally {
            Files.deleteIfExists(theirs);
            Files.deleteIfExists(ours);
        }
    }

    private static CreatedZip create(Path dir, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip)) {
            return ModuleZips.createFromDir(MV, dir, out);
        }
    }

    /** The per-file error lines, without the "create zip from directory …:" context either side adds. */
    private static String stripContext(String message) {
        int colon = message.indexOf(": ");
        return message.substring(colon + 2);
    }

    private static List<String> entryNames(Path zip) throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            return Collections.list(zf.entries()).stream().map(ZipEntry::getName).toList();
        }
    }
}
