package dev.gosync.serve.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.archive.CraftedBundle;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.parts.PartNames;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.store.InvalidInfoException;
import dev.gosync.gomod.store.RevInfo;
import dev.gosync.serve.mirror.AuditEvent;
import dev.gosync.serve.mirror.Mirror;
import dev.gosync.serve.testing.ModuleFiles;
import dev.gosync.serve.testing.Signers;
import dev.gosync.serve.testing.TestBundle;
import dev.gosync.serve.testing.TreeListing;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverrides;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles made to attack the import. The signature is valid (a trusted key signed a lying
 * manifest, or the archive around a true one was altered), so every check past it is reached.
 * Each case asserts the three things a hostile input must give: a refusal, a message naming the
 * problem, and a mirror exactly as before (checksum listing, no staging left behind), plus the
 * refusal in the audit log.
 */
class HostileImportTest {
    @TempDir
    Path tmp;
    Ed25519KeyPair alice;
    Mirror mirror;
    Importer importer;
    Map<String, String> before;

    /** What the hostile bundles carry, in manifest (path) order. */
    final ModuleFiles files = new ModuleFiles().module("example.com/evil", "v1.0.0");
    List<FileRow> rows;

    @BeforeEach
    void mirrorWithContent() {
        alice = Signers.key("alice");
        Path trust = Signers.trustStore(tmp.resolve("allowed_signers"), alice);
        mirror = Mirror.open(tmp.resolve("mirror"), true);
        importer = new Importer(mirror, ImportOptions.of(BundleTrust.load(Optional.of(trust), TrustOverrides.NONE)));
        TestBundle.of(new ModuleFiles().module("example.com/good", "v1.0.0")).write(tmp.resolve("good.tar.zst"), alice);
        importer.importBundle(tmp.resolve("good.tar.zst"), ImportListener.NONE);
        before = TreeListing.mirror(mirror.root());
        rows = files.rows();
    }

    @AfterEach
    void close() {
        mirror.close();
    }

    /** Manifest of {@link #rows} signed by alice, then the files of rows [from, to). */
    private CraftedBundle withFiles(int from, int to) {
        CraftedBundle crafted = TestBundle.crafted(rows, alice);
        for (FileRow row : rows.subList(from, to)) {
            crafted.file(row.path(), files.content(row.path()));
        }
        return crafted;
    }

    private CraftedBundle allFiles() {
        return withFiles(0, rows.size());
    }

    /** Imports the bundle, which must be refused, and checks that nothing changed. */
    private GosyncException refused(Path bundle) {
        GosyncException e = assertThrows(GosyncException.class, () -> importer.importBundle(bundle, ImportListener.NONE));
        assertEquals(before, TreeListing.mirror(mirror.root()), "the mirror changed: " + e.getMessage());
        try (Stream<Path> internal = Files.list(mirror.root().resolve(Mirror.INTERNAL_DIR))) {
            assertEquals(List.of(), internal.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tx-"))
                    .toList(), "staging left behind");
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        List<AuditEvent> events = mirror.index().events();
        assertEquals(AuditEvent.REFUSED, events.get(events.size() - 1).action());
        assertEquals(1, mirror.index().bundles().size(), "only the good bundle is recorded");
        return e;
    }

    private GosyncException refused(CraftedBundle crafted) {
        return refused(crafted.writeTo(tmp.resolve("hostile.tar.zst")));
    }

    private static void assertProblem(Problem problem, String words, GosyncException e) {
        assertTrue(e instanceof BundleException, e.toString());
        assertEquals(problem, ((BundleException) e).problem(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    private static void assertImportProblem(ImportException.Problem problem, String words, GosyncException e) {
        assertTrue(e instanceof ImportException, e.toString());
        assertEquals(problem, ((ImportException) e).problem(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void theCraftingItselfMakesImportableBundles() {
        ImportResult r = importer.importBundle(allFiles().writeTo(tmp.resolve("fine.tar.zst")), ImportListener.NONE);
        assertEquals(3, r.newFiles());
    }

    @Test
    void dotDotEntries() {
        assertProblem(Problem.HOSTILE_ENTRY, "\"..\" element",
                refused(withFiles(0, 1).file("example.com/../../../etc/cron.d/x", new byte[1])));
    }

    @Test
    void absolutePaths() {
        assertProblem(Problem.HOSTILE_ENTRY, "the path is absolute", refused(withFiles(0, 1).file("/etc/passwd",
                new byte[1])));
    }

    @Test
    void symbolicLinks() {
        assertProblem(Problem.HOSTILE_ENTRY, "a symbolic link (to \"/etc/passwd\")", refused(withFiles(0, 1)
                .special(rows.get(1).path(), TarConstants.LF_SYMLINK, "/etc/passwd")));
    }

    @Test
    void hardLinks() {
        assertProblem(Problem.HOSTILE_ENTRY, "a hard link", refused(withFiles(0, 1)
                .special(rows.get(1).path(), TarConstants.LF_LINK, rows.get(0).path())));
    }

    @Test
    void devices() {
        assertProblem(Problem.HOSTILE_ENTRY, "a device", refused(withFiles(0, 1)
                .special(rows.get(1).path(), TarConstants.LF_CHR, null)));
    }

    @Test
    void duplicateEntries() {
        assertProblem(Problem.UNEXPECTED_ENTRY, "a second time", refused(withFiles(0, 1)
                .file(rows.get(0).path(), files.content(rows.get(0).path()))));
    }

    @Test
    void pathsOutsideTheGoproxyLayout() {
        List<FileRow> outside = new ArrayList<>(rows);
        outside.add(new FileRow("notes/readme.txt", 3, ModuleFiles.sha256("hi\n".getBytes(StandardCharsets.UTF_8)),
                null));
        CraftedBundle crafted = TestBundle.crafted(outside, alice);
        for (FileRow row : rows) {
            crafted.file(row.path(), files.content(row.path()));
        }
        crafted.file("notes/readme.txt", "hi\n".getBytes(StandardCharsets.UTF_8));
        assertImportProblem(ImportException.Problem.LAYOUT, "notes/readme.txt: not a path of the GOPROXY layout",
                refused(crafted));
    }

    @Test
    void nonCanonicalVersionsAreOutsideTheLayoutToo() {
        ModuleFiles odd = new ModuleFiles().raw("example.com/evil/@v/v1.0.mod", "module example.com/evil\n");
        CraftedBundle crafted = TestBundle.crafted(odd.rows(), alice).file("example.com/evil/@v/v1.0.mod",
                odd.content("example.com/evil/@v/v1.0.mod"));
        assertImportProblem(ImportException.Problem.LAYOUT, "not canonical", refused(crafted));
    }

    @Test
    void filesNotInTheManifest() {
        assertProblem(Problem.UNEXPECTED_ENTRY, "which its manifest does not list",
                refused(allFiles().file("example.com/evil/@v/v2.0.0.mod", new byte[4])));
    }

    @Test
    void manifestFilesMissingFromTheTar() {
        assertProblem(Problem.MISSING_FILE, rows.get(2).path(), refused(withFiles(0, 2)));
    }

    @Test
    void filesOutOfManifestOrder() {
        CraftedBundle crafted = TestBundle.crafted(rows, alice);
        crafted.file(rows.get(1).path(), files.content(rows.get(1).path()));
        crafted.file(rows.get(0).path(), files.content(rows.get(0).path()));
        assertProblem(Problem.MISSING_FILE, "lacks " + rows.get(0).path(), refused(crafted));
    }

    @Test
    void contentThatDiffersFromTheManifest() {
        byte[] altered = files.content(rows.get(1).path());
        altered[altered.length - 2] ^= 1;
        CraftedBundle crafted = withFiles(0, 1).file(rows.get(1).path(), altered);
        crafted.file(rows.get(2).path(), files.content(rows.get(2).path()));
        assertProblem(Problem.CONTENT_MISMATCH, "its content was altered", refused(crafted));
    }

    @Test
    void anEntrySizeThatDiffersFromTheManifest() {
        byte[] longer = (new String(files.content(rows.get(1).path()), StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(Problem.CONTENT_MISMATCH, "the manifest says", refused(withFiles(0, 1)
                .file(rows.get(1).path(), longer)));
    }

    @Test
    void versionListsBeyondTheDiscardedFileCapAreRefusedUnread() {
        List<FileRow> withList = new ArrayList<>(rows);
        withList.add(new FileRow("example.com/evil/@v/list", ManifestRules.MAX_DISCARDED_FILE + 1,
                ModuleFiles.sha256(new byte[0]), null));
        withList.sort(java.util.Comparator.comparing(FileRow::path));
        assertImportProblem(ImportException.Problem.LAYOUT, "example.com/evil/@v/list: 16777217 bytes",
                refused(TestBundle.crafted(withList, alice)));
    }

    @Test
    void modAndZipRowsWithoutH1AreRefused() {
        List<FileRow> noH1 = rows.stream().map(r -> r.path().endsWith(".mod")
                ? new FileRow(r.path(), r.size(), r.sha256(), null) : r).toList();
        CraftedBundle crafted = TestBundle.crafted(noH1, alice);
        for (FileRow row : noH1) {
            crafted.file(row.path(), files.content(row.path()));
        }
        assertImportProblem(ImportException.Problem.LAYOUT, "example.com/evil/@v/v1.0.0.mod: no h1 hash",
                refused(crafted));
    }

    @Test
    void sizesBeyondTheGoCommandsLimits() {
        byte[] hugeInfo = new byte[RevInfo.MAX_BYTES + 1];
        ModuleFiles big = new ModuleFiles().raw("example.com/evil/@v/v1.0.0.info", hugeInfo);
        // Refused from the manifest alone: not one byte of the file is read.
        assertImportProblem(ImportException.Problem.LAYOUT, "more than the 1048576 the go command accepts",
                refused(TestBundle.crafted(big.rows(), alice)));
    }

    @Test
    void decompressionBombs() {
        // 64 MiB of zeros after the tar's end compress to a few kilobytes.
        assertProblem(Problem.TOO_LARGE, "more", refused(allFiles().endTarThenAppend(0, 64L << 20)));
    }

    @Test
    void truncatedCompression() throws IOException {
        byte[] whole = allFiles().bytes();
        Path cut = tmp.resolve("cut.tar.zst");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 40));
        assertProblem(Problem.CORRUPT, "truncated or damaged", refused(cut));
    }

    @Test
    void corruptCompression() throws IOException {
        // Written by the real writer (zstd frame checksum on); a large zip puts the damage in module bytes.
        Path written = tmp.resolve("written.tar.zst");
        java.util.Random random = new java.util.Random(7);
        StringBuilder noise = new StringBuilder("package x\n\nconst noise = \"");
        for (int i = 0; i < 200_000; i++) {
            noise.append((char) ('a' + random.nextInt(26)));
        }
        TestBundle.of(new ModuleFiles().module("example.com/big", "v1.0.0", noise + "\"\n")).write(written, alice);
        byte[] whole = Files.readAllBytes(written);
        for (int i = whole.length * 3 / 4; i < whole.length * 3 / 4 + 16; i++) {
            whole[i] ^= (byte) 0x5a;
        }
        Path damaged = tmp.resolve("damaged.tar.zst");
        Files.write(damaged, whole);
        GosyncException e = refused(damaged);
        assertTrue(e instanceof BundleException be
                && (be.problem() == Problem.CORRUPT || be.problem() == Problem.CONTENT_MISMATCH), e.getMessage());
    }

    @Test
    void splitPartsMissing() throws IOException {
        Path base = tmp.resolve("split.tar.zst");
        TestBundle.of(files).split(1024).write(base, alice);
        Files.delete(PartNames.part(base, 2));
        assertProblem(Problem.MISSING_PART, "part", refused(base));
    }

    @Test
    void splitPartsOutOfOrder() throws IOException {
        Path base = tmp.resolve("split.tar.zst");
        TestBundle.of(files).split(1024).write(base, alice);
        Path one = PartNames.part(base, 1);
        Path two = PartNames.part(base, 2);
        Path swap = tmp.resolve("swap");
        Files.move(one, swap);
        Files.move(two, one);
        Files.move(swap, two);
        assertProblem(Problem.PART_MISMATCH, "part", refused(base));
    }

    @Test
    void aGoModWhoseH1DiffersFromTheManifest() {
        List<FileRow> lying = new ArrayList<>();
        for (FileRow row : rows) {
            lying.add(row.path().endsWith(".mod") ? new FileRow(row.path(), row.size(), row.sha256(),
                    "h1:" + "A".repeat(43) + "=") : row);
        }
        CraftedBundle crafted = TestBundle.crafted(lying, alice);
        for (FileRow row : rows) {
            crafted.file(row.path(), files.content(row.path()));
        }
        assertImportProblem(ImportException.Problem.HASH_MISMATCH, "example.com/evil/@v/v1.0.0.mod has h1 hash",
                refused(crafted));
    }

    @Test
    void zipsThatBreakTheModuleZipRules() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("example.com/evil@v1.0.0/go.mod"));
            out.write("module example.com/evil\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("example.com/other@v1.0.0/x.go"));
            out.write("package x\n".getBytes(StandardCharsets.UTF_8));
        }
        ModuleFiles bad = new ModuleFiles().raw("example.com/evil/@v/v1.0.0.zip", zip.toByteArray());
        // A row with some h1 (as export always writes one): the zip rules are what is broken here.
        List<FileRow> withH1 = bad.rows().stream().map(r -> new FileRow(r.path(), r.size(), r.sha256(),
                "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")).toList();
        CraftedBundle crafted = TestBundle.crafted(withH1, alice).file("example.com/evil/@v/v1.0.0.zip",
                zip.toByteArray());
        GosyncException e = refused(crafted);
        assertImportProblem(ImportException.Problem.ZIP_RULES, "is not a valid module zip for example.com/evil@v1.0.0",
                e);
        assertTrue(e.getMessage().contains("example.com/other@v1.0.0/x.go"), e.getMessage());
        assertTrue(!e.getMessage().contains("tx-"), "the staging file is no name for the user: " + e.getMessage());
    }

    @Test
    void anInfoFileForAnotherVersion() {
        ModuleFiles wrong = new ModuleFiles().raw("example.com/evil/@v/v1.0.0.info",
                new RevInfo("v9.0.0", "2024-01-02T03:04:05Z", null).toJson());
        CraftedBundle crafted = TestBundle.crafted(wrong.rows(), alice).file("example.com/evil/@v/v1.0.0.info",
                wrong.content("example.com/evil/@v/v1.0.0.info"));
        GosyncException e = refused(crafted);
        assertTrue(e instanceof InvalidInfoException, e.toString());
        assertTrue(e.getMessage().contains("v9.0.0"), e.getMessage());
    }

    @Test
    void anUntrustedSignerOfAnOtherwiseFineBundle() {
        Ed25519KeyPair mallory = Signers.key("mallory");
        Manifest m = TestBundle.of(files).write(tmp.resolve("mallory.tar.zst"), mallory);
        GosyncException e = refused(tmp.resolve("mallory.tar.zst"));
        assertTrue(e.getMessage().contains("is not trusted by"), e.getMessage());
        assertTrue(mirror.index().bundle(m.id()).isEmpty());
    }
}
