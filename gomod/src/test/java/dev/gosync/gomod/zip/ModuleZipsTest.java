package dev.gosync.gomod.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating zips from abstract file lists: order, limits, and what the result reports. */
class ModuleZipsTest {
    private static final ModuleVersion MV = new ModuleVersion("example.com/m", "v1.0.0");

    @TempDir
    Path tmp;

    @Test
    void filesGoInTheOrderGivenUnderThePrefixWithoutDirectoryEntries() throws IOException {
        Path zip = create(List.of(ZipSource.of("z/last.go", bytes("z")), ZipSource.of("a.go", bytes("a")),
                ZipSource.of("go.mod", bytes("module example.com/m\n"))));
        assertEquals(List.of("example.com/m@v1.0.0/z/last.go", "example.com/m@v1.0.0/a.go", "example.com/m@v1.0.0/go.mod"),
                entryNames(zip));
    }

    @Test
    void theReturnedHashIsTheHashOfTheZipWritten() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CreatedZip created = ModuleZips.create(MV, List.of(ZipSource.of("a.go", bytes("package a\n")),
                ZipSource.of("\u00fcber/b.go", bytes("package b\n"))), out);
        Path zip = Files.write(tmp.resolve("m.zip"), out.toByteArray());
        assertEquals(DirHash.hashZip(zip), created.h1());
        assertEquals(2, created.files());
        assertEquals(20, created.contentBytes());
    }

    @Test
    void equalInputGivesEqualBytes() {
        List<ZipSource> files = List.of(ZipSource.of("a.go", bytes("package a\n")));
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        ModuleZips.create(MV, files, first);
        ModuleZips.create(MV, files, second);
        assertArrayEquals(first.toByteArray(), second.toByteArray());
    }

    @Test
    void anInvalidFileFailsTheZipBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModuleZipException e = assertThrows(ModuleZipException.class, () -> ModuleZips.create(MV,
                List.of(ZipSource.of("a.go", bytes("")), ZipSource.of("bad:name.go", bytes(""))), out));
        assertEquals(0, out.size());
        assertEquals(List.of(new FileProblem("bad:name.go", "malformed file path \"bad:name.go\": invalid char ':'")),
                e.report().orElseThrow().invalid());
        assertTrue(e.getMessage().contains("example.com/m@v1.0.0"), e.getMessage());
    }

    @Test
    void aFileLargerThanItDeclaredFailsTheZip() {
        ZipSource liar = new Source("a.go", ZipSource.Kind.REGULAR, 3, bytes("four"));
        ModuleZipException e = assertThrows(ModuleZipException.class,
                () -> ModuleZips.create(MV, List.of(liar), new ByteArrayOutputStream()));
        assertEquals("cannot create zip for example.com/m@v1.0.0: file \"a.go\" is larger than declared size", e.getMessage());
    }

    @Test
    void aFileSmallerThanItDeclaredIsZippedAsItIs() throws IOException {
        ZipSource shrunk = new Source("a.go", ZipSource.Kind.REGULAR, 10, bytes("four"));
        Path zip = create(List.of(shrunk));
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            assertEquals(4, zf.getEntry("example.com/m@v1.0.0/a.go").getSize());
        }
    }

    @Test
    void filesOfUnknownSizeAreHeldToTheLimitsWhileWritten() {
        ZipSource hugeGoMod = new Source("go.mod", ZipSource.Kind.REGULAR, ZipSource.UNKNOWN_SIZE,
                new byte[ModuleZips.MAX_GO_MOD + 1]);
        ModuleZipException e = assertThrows(ModuleZipException.class,
                () -> ModuleZips.create(MV, List.of(hugeGoMod), new ByteArrayOutputStream()));
        assertEquals("cannot create zip for example.com/m@v1.0.0: go.mod file too large (max size is 16777216 bytes)",
                e.getMessage());
    }

    @Test
    void filesOfUnknownSizeWithinTheLimitsAreZipped() throws IOException {
        Path zip = create(List.of(new Source("a.go", ZipSource.Kind.REGULAR, ZipSource.UNKNOWN_SIZE, bytes("package a\n"))));
        assertEquals(List.of("example.com/m@v1.0.0/a.go"), entryNames(zip));
    }

    @Test
    void linksDirectoriesAndOtherFilesAreOmittedWithReasons() {
        CheckedFiles report = ModuleZips.checkFiles(List.of(
                new Source("link", ZipSource.Kind.SYMLINK, 4, bytes("")),
                new Source("dir", ZipSource.Kind.DIRECTORY, 0, bytes("")),
                new Source("fifo", ZipSource.Kind.OTHER, 0, bytes("")),
                ZipSource.of("a.go", bytes(""))));
        assertEquals(new CheckedFiles(List.of("a.go"), List.of(new FileProblem("link", "file is a symbolic link"),
                new FileProblem("dir", "not a regular file"), new FileProblem("fifo", "not a regular file")),
                List.of(), Optional.empty()), report);
    }

    @Test
    void fileSystemSourcesAreTakenAsLstatSeesThem() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.go"), "package a\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.go"), file);
        ZipSource regular = ZipSource.ofFile("a.go", file);
        assertEquals(ZipSource.Kind.REGULAR, regular.kind());
        assertEquals(10, regular.size());
        assertEquals(ZipSource.Kind.SYMLINK, ZipSource.ofFile("link.go", link).kind());
        assertEquals(ZipSource.Kind.DIRECTORY, ZipSource.ofFile("d", tmp).kind());
    }

    @Test
    void aDeclaredTotalOverTheLimitIsASizeError() {
        List<ZipSource> files = List.of(new Source("a", ZipSource.Kind.REGULAR, 300L << 20, bytes("")),
                new Source("b", ZipSource.Kind.REGULAR, 300L << 20, bytes("")));
        CheckedFiles report = ModuleZips.checkFiles(files);
        assertEquals(Optional.of("module source tree too large (max size is 524288000 bytes)"), report.sizeError());
        assertEquals(List.of("a", "b"), report.valid());
    }

    @Test
    void verifyAcceptsACreatedZipAndReturnsItsHash() throws IOException {
        Path zip = create(List.of(ZipSource.of("a.go", bytes("package a\n"))));
        assertEquals(DirHash.hashZip(zip), ModuleZips.verify(MV, zip));
    }

    @Test
    void verifyRefusesAZipWhoseContentBelieItsDeclaredSize() throws IOException {
        Path zip = RawZip.write(tmp.resolve("liar.zip"),
                List.of(RawZip.Entry.file("example.com/m@v1.0.0/a.go", "package a\n").declaring(3)));
        assertTrue(ModuleZips.checkZip(MV, zip).isValid(), "the central directory alone looks fine");
        assertThrows(ModuleZipException.class, () -> ModuleZips.verify(MV, zip));
    }

    @Test
    void verifyRefusesAZipThatBreaksTheRules() throws IOException {
        Path zip = RawZip.write(tmp.resolve("bad.zip"), List.of(RawZip.Entry.file("example.com/m@v1.0.0/A", ""),
                RawZip.Entry.file("example.com/m@v1.0.0/a", "")));
        ModuleZipException e = assertThrows(ModuleZipException.class, () -> ModuleZips.verify(MV, zip));
        assertEquals(1, e.report().orElseThrow().invalid().size());
    }

    private Path create(List<ZipSource> files) throws IOException {
        Path zip = tmp.resolve("created.zip");
        try (var out = Files.newOutputStream(zip)) {
            ModuleZips.create(MV, files, out);
        }
        return zip;
    }

    private static List<String> entryNames(Path zip) throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            return Collections.list(zf.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A source that says whatever the test needs about itself. */
    private record Source(String path, Kind kind, long size, byte[] content) implements ZipSource {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(content);
        }
    }
}
