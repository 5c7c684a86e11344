package dev.gosync.gomod.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GOPROXY-layout directory as source and transactional, immutable sink. */
class LayoutStoreTest {
    private static final ModuleVersion V100 = new ModuleVersion("example.com/m", "v1.0.0");
    private static final ModuleVersion V101 = new ModuleVersion("example.com/m", "v1.0.1");
    private static final ModuleVersion UPPER = new ModuleVersion("example.com/Upper/m", "v1.0.0-RC1");

    @TempDir
    Path tmp;
    LayoutStore store;

    @BeforeEach
    void createStore() {
        store = LayoutStore.create(tmp.resolve("store"));
    }

    private void commit(ModuleVersion... versions) {
        try (LayoutStore.Transaction tx = store.begin()) {
            for (ModuleVersion mv : versions) {
                TestModules.putVersion(tx, mv, tmp.resolve("scratch"));
            }
            tx.commit();
        }
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream bytes(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Every regular file under the store, with its content hash, to show that nothing changed. */
    private Map<String, String> snapshot() throws Exception {
        try (Stream<Path> files = Files.walk(store.root())) {
            Map<String, String> result = new TreeMap<>();
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                result.put(store.root().relativize(f).toString(),
                        sha256(Files.readAllBytes(f)) + " " + Files.getLastModifiedTime(f).toMillis());
            }
            return result;
        }
    }

    private List<String> layoutFiles() throws IOException {
        try (Stream<Path> files = Files.walk(store.root())) {
            return files.filter(Files::isRegularFile).map(f -> store.root().relativize(f).toString())
                    .filter(p -> !p.startsWith(".gosync")).sorted().toList();
        }
    }

    private List<String> stagingAreas() throws IOException {
        try (Stream<Path> entries = Files.list(store.root().resolve(".gosync"))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tx-")).toList();
        }
    }

    @Test
    void committedFilesAppearAtTheirLayoutPathsWithTheBytesPut() throws IOException {
        byte[] zip = TestModules.zip(UPPER, tmp);
        try (LayoutStore.Transaction tx = store.begin()) {
            tx.put(UPPER, LayoutPath.Kind.ZIP, bytes(zip));
            tx.put(UPPER, LayoutPath.Kind.MOD, bytes(TestModules.goMod(UPPER)));
            tx.put(UPPER, LayoutPath.Kind.INFO, bytes(TestModules.info(UPPER)));
            tx.commit();
        }
        assertEquals(List.of("example.com/!upper/m/@v/list", "example.com/!upper/m/@v/v1.0.0-!r!c1.info",
                "example.com/!upper/m/@v/v1.0.0-!r!c1.mod", "example.com/!upper/m/@v/v1.0.0-!r!c1.zip"), layoutFiles());
        assertArrayEquals(zip, store.zip(UPPER).readAllBytes());
        assertArrayEquals(TestModules.goMod(UPPER), store.goMod(UPPER).readAllBytes());
        assertEquals(RevInfo.parse(TestModules.info(UPPER)), store.info(UPPER));
        for (LayoutPath.Kind kind : List.of(LayoutPath.Kind.INFO, LayoutPath.Kind.MOD, LayoutPath.Kind.ZIP)) {
            assertTrue(store.has(UPPER, kind));
            assertEquals(store.root().resolve(new LayoutPath(kind, UPPER.path(), UPPER.version()).relativePath()),
                    store.path(UPPER, kind));
        }
    }

    @Test
    void putReportsPathSizeSha256AndTheGoModHash() throws Exception {
        byte[] mod = TestModules.goMod(V100);
        byte[] info = TestModules.info(V100);
        try (LayoutStore.Transaction tx = store.begin()) {
            assertEquals(new StoredFile("example.com/m/@v/v1.0.0.mod", mod.length, sha256(mod), DirHash.hashGoMod(mod)),
                    tx.put(V100, LayoutPath.Kind.MOD, bytes(mod)));
            assertEquals(new StoredFile("example.com/m/@v/v1.0.0.info", info.length, sha256(info), null),
                    tx.put(V100, LayoutPath.Kind.INFO, bytes(info)));
        }
    }

    @Test
    void adoptMovesAWrittenFileInWithoutCopyingIt() throws Exception {
        byte[] zip = TestModules.zip(V100, tmp);
        Path spool = Files.createDirectories(store.root().resolve(".spool"));
        Path written = Files.write(spool.resolve("download.part"), zip);
        try (LayoutStore.Transaction tx = store.begin()) {
            StoredFile adopted = tx.adopt(V100, LayoutPath.Kind.ZIP, written, zip.length, sha256(zip));
            assertEquals(new StoredFile("example.com/m/@v/v1.0.0.zip", zip.length, sha256(zip), null), adopted);
            assertFalse(Files.exists(written), "moved, not copied");
            tx.put(V100, LayoutPath.Kind.MOD, bytes(TestModules.goMod(V100)));
            tx.commit();
        }
        assertArrayEquals(zip, store.zip(V100).readAllBytes());
        assertEquals(List.of("v1.0.0"), store.versions("example.com/m"));
    }

    @Test
    void adoptRefusesAFileLargerThanTheGoCommandAcceptsAndLeavesIt() throws Exception {
        byte[] info = TestModules.info(V100);
        Path written = Files.write(Files.createDirectories(store.root().resolve(".spool")).resolve("info.part"), info);
        try (LayoutStore.Transaction tx = store.begin()) {
            assertThrows(StoreException.class,
                    () -> tx.adopt(V100, LayoutPath.Kind.INFO, written, RevInfo.MAX_BYTES + 1L, sha256(info)));
            assertTrue(Files.exists(written));
            tx.commit();
        }
        assertFalse(store.has(V100, LayoutPath.Kind.INFO));
    }

    @Test
    void zipHashIsComputedFromTheStagedZipOnRequest() throws Exception {
        byte[] zip = TestModules.zip(V100, tmp);
        Path copy = Files.write(tmp.resolve("copy.zip"), zip);
        try (LayoutStore.Transaction tx = store.begin()) {
            StoredFile put = tx.put(V100, LayoutPath.Kind.ZIP, bytes(zip));
            assertNull(put.h1());
            assertEquals(new StoredFile(put.relativePath(), zip.length, sha256(zip), DirHash.hashZip(copy)), tx.hashZip(V100));
            assertThrows(IllegalStateException.class, () -> tx.hashZip(V101));
        }
    }

    @Test
    void nothingIsVisibleBeforeCommitAndStagedNamesAreNoLayoutPaths() throws IOException {
        try (LayoutStore.Transaction tx = store.begin()) {
            TestModules.putVersion(tx, V100, tmp);
            assertEquals(List.of(), layoutFiles());
            assertFalse(store.has(V100, LayoutPath.Kind.INFO));
            try (Stream<Path> files = Files.walk(store.root())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String relative = store.root().relativize(f).toString();
                    assertThrows(ProxyLayout.InvalidLayoutPathException.class, () -> ProxyLayout.parse(relative), relative);
                }
            }
        }
    }

    @Test
    void abortLeavesNothingBehind() throws IOException {
        LayoutStore.Transaction tx = store.begin();
        TestModules.putVersion(tx, V100, tmp);
        tx.abort();
        assertEquals(List.of(), layoutFiles());
        assertEquals(List.of(), stagingAreas());
        assertThrows(IllegalStateException.class, () -> tx.put(V100, LayoutPath.Kind.MOD, bytes("module x\n")));
    }

    @Test
    void closingWithoutCommitAborts() throws IOException {
        try (LayoutStore.Transaction tx = store.begin()) {
            TestModules.putVersion(tx, V100, tmp);
        }
        assertEquals(List.of(), layoutFiles());
        assertEquals(List.of(), stagingAreas());
    }

    @Test
    void aTransactionCannotBeUsedAfterCommit() {
        LayoutStore.Transaction tx = store.begin();
        tx.commit();
        assertThrows(IllegalStateException.class, tx::commit);
        assertThrows(IllegalStateException.class, () -> tx.put(V100, LayoutPath.Kind.MOD, bytes("module x\n")));
    }

    @Test
    void aConflictRefusesTheWholeTransactionAndNamesEveryConflictingFile() throws Exception {
        commit(V100);
        Map<String, String> before = snapshot();
        byte[] otherMod = "module example.com/m\n\ngo 1.22\n".getBytes(StandardCharsets.UTF_8);
        byte[] otherZip = TestModules.zip(V100, tmp.resolve("other"));
        otherZip[otherZip.length - 1] ^= 1;
        LayoutStore.Transaction tx = store.begin();
        TestModules.putVersion(tx, V101, tmp);
        tx.put(V100, LayoutPath.Kind.MOD, bytes(otherMod));
        tx.put(V100, LayoutPath.Kind.INFO, bytes(TestModules.info(V100)));
        tx.put(V100, LayoutPath.Kind.ZIP, bytes(otherZip));
        StoreConflictException e = assertThrows(StoreConflictException.class, tx::commit);

        assertEquals(List.of(
                new StoreConflictException.Conflict("example.com/m/@v/v1.0.0.mod",
                        sha256(TestModules.goMod(V100)), sha256(otherMod)),
                new StoreConflictException.Conflict("example.com/m/@v/v1.0.0.zip",
                        sha256(Files.readAllBytes(store.path(V100, LayoutPath.Kind.ZIP))), sha256(otherZip))),
                e.conflicts());
        assertTrue(e.getMessage().contains("example.com/m/@v/v1.0.0.mod: stored sha256 " + sha256(TestModules.goMod(V100))
                + ", offered sha256 " + sha256(otherMod)), e.getMessage());
        assertEquals(before, snapshot());
        assertEquals(List.of(), stagingAreas());
        assertFalse(store.has(V101, LayoutPath.Kind.INFO));
    }

    @Test
    void puttingIdenticalBytesAgainChangesNothing() throws Exception {
        commit(V100);
        for (Path f : List.of(store.path(V100, LayoutPath.Kind.MOD), store.path(V100, LayoutPath.Kind.MOD).resolveSibling("list"))) {
            Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000));
        }
        Map<String, String> before = snapshot();
        commit(V100);
        assertEquals(before, snapshot());
    }

    @Test
    void aFilePutTwiceInOneTransactionMustNotChange() {
        try (LayoutStore.Transaction tx = store.begin()) {
            StoredFile first = tx.put(V100, LayoutPath.Kind.MOD, bytes("module example.com/m\n"));
            assertEquals(first, tx.put(V100, LayoutPath.Kind.MOD, bytes("module example.com/m\n")));
            StoreConflictException e = assertThrows(StoreConflictException.class,
                    () -> tx.put(V100, LayoutPath.Kind.MOD, bytes("module example.com/other\n")));
            assertEquals("example.com/m/@v/v1.0.0.mod", e.conflicts().get(0).relativePath());
            tx.commit();
        }
        assertEquals("module example.com/m\n", new String(readAll(store.goMod(V100)), StandardCharsets.UTF_8));
    }

    @Test
    void theVersionListFollowsTheGoCommandsNamingRules() throws IOException {
        List<String> versions = List.of("v1.10.0", "v1.2.0", "v1.0.0-RC1", "v1.2.0-pre.1", "v0.0.0-20200102030405-abcdefabcdef",
                "v2.0.0+incompatible", "v1.2.1-0.20200102030405-abcdefabcdef");
        commit(versions.stream().map(v -> new ModuleVersion("example.com/m", v)).toArray(ModuleVersion[]::new));
        List<String> listed = List.of("v0.0.0-20200102030405-abcdefabcdef", "v1.2.0-pre.1", "v1.2.0",
                "v1.2.1-0.20200102030405-abcdefabcdef", "v1.10.0", "v2.0.0+incompatible");
        assertEquals(listed.stream().map(v -> v + "\n").collect(Collectors.joining()),
                Files.readString(store.root().resolve(ProxyLayout.list("example.com/m"))));
        assertEquals(listed, store.versions("example.com/m"));
    }

    @Test
    void aModuleWithOnlyUpperCaseVersionsHasAnEmptyList() throws IOException {
        commit(UPPER);
        assertEquals("", Files.readString(store.root().resolve(ProxyLayout.list(UPPER.path()))));
        assertEquals(List.of(), store.versions(UPPER.path()));
    }

    @Test
    void aModuleWithoutModFilesIsNotFound() {
        try (LayoutStore.Transaction tx = store.begin()) {
            tx.put(V100, LayoutPath.Kind.INFO, bytes(TestModules.info(V100)));
            tx.commit();
        }
        assertFalse(Files.exists(store.root().resolve(ProxyLayout.list(V100.path()))));
        ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class, () -> store.versions("example.com/m"));
        assertTrue(e.getMessage().startsWith("example.com/m: module not found in file:"), e.getMessage());
        assertThrows(ModuleNotFoundException.class, () -> store.versions("example.com/unknown"));
    }

    @Test
    void missingFilesAreNotFoundNamingTheModuleVersionAndFile() {
        commit(V100);
        ModuleVersion missing = new ModuleVersion("example.com/m", "v1.9.9");
        for (Runnable read : List.<Runnable>of(() -> store.info(missing), () -> store.goMod(missing), () -> store.zip(missing))) {
            ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class, read::run);
            assertTrue(e.getMessage().startsWith("example.com/m@v1.9.9: not found in file:"), e.getMessage());
            assertTrue(e.getMessage().matches(".*: no file example\\.com/m/@v/v1\\.9\\.9\\.(info|mod|zip)"), e.getMessage());
        }
    }

    @Test
    void queriesAreAnsweredForStoredCanonicalVersionsOnly() {
        commit(V100);
        assertEquals("v1.0.0", store.query("example.com/m", "v1.0.0").version());
        for (String query : List.of("v1.0", "master", "latest", "v1.0.0+meta", "v2.0.0", "v1.0.1", "abcdef123456")) {
            assertThrows(ModuleNotFoundException.class, () -> store.query("example.com/m", query), query);
        }
    }

    @Test
    void latestComesFromTheOptionalLatestFile() throws IOException {
        commit(V100);
        assertEquals(Optional.empty(), store.latest("example.com/m"));
        Files.write(store.root().resolve(ProxyLayout.latest("example.com/m")), TestModules.info(V100));
        assertEquals(Optional.of(RevInfo.parse(TestModules.info(V100))), store.latest("example.com/m"));
    }

    @Test
    void anInfoForAnotherVersionIsRefusedAtPut() {
        try (LayoutStore.Transaction tx = store.begin()) {
            InvalidInfoException e = assertThrows(InvalidInfoException.class,
                    () -> tx.put(V100, LayoutPath.Kind.INFO, bytes(TestModules.info(V101))));
            assertTrue(e.getMessage().contains("example.com/m@v1.0.0"), e.getMessage());
            assertThrows(InvalidInfoException.class, () -> tx.put(V100, LayoutPath.Kind.INFO, bytes("{\"Version\":")));
            tx.put(V100, LayoutPath.Kind.MOD, bytes(TestModules.goMod(V100)));
            tx.commit();
        }
        assertFalse(store.has(V100, LayoutPath.Kind.INFO));
        assertTrue(store.has(V100, LayoutPath.Kind.MOD));
    }

    @Test
    void aStoredInfoForAnotherVersionIsReportedAsDamage() throws IOException {
        commit(V100);
        Files.write(store.path(V100, LayoutPath.Kind.INFO), TestModules.info(V101));
        InvalidInfoException e = assertThrows(InvalidInfoException.class, () -> store.info(V100));
        assertTrue(e.getMessage().contains("is for version \"v1.0.1\""), e.getMessage());
    }

    @Test
    void filesLargerThanTheGoCommandAcceptsAreRefused() throws IOException {
        try (LayoutStore.Transaction tx = store.begin()) {
            byte[] big = new byte[RevInfo.MAX_BYTES + 1];
            StoreException e = assertThrows(StoreException.class, () -> tx.put(V100, LayoutPath.Kind.INFO, bytes(big)));
            assertTrue(e.getMessage().contains("larger than " + RevInfo.MAX_BYTES + " bytes"), e.getMessage());
            tx.put(V100, LayoutPath.Kind.INFO, bytes(TestModules.info(V100)));
            tx.commit();
        }
        assertEquals(List.of("example.com/m/@v/v1.0.0.info"), layoutFiles());
    }

    @Test
    void onlyPerVersionFilesCanBePutAndOnlyForValidVersions() {
        try (LayoutStore.Transaction tx = store.begin()) {
            ModuleVersion module = new ModuleVersion("example.com/m", "");
            assertThrows(IllegalArgumentException.class, () -> tx.put(module, LayoutPath.Kind.LIST, bytes("v1.0.0\n")));
            assertThrows(IllegalArgumentException.class, () -> tx.put(module, LayoutPath.Kind.LATEST, bytes("{}")));
            for (ModuleVersion bad : List.of(new ModuleVersion("example.com/m", "v1.0"),
                    new ModuleVersion("example.com/m", "v2.0.0"), new ModuleVersion("../etc", "v1.0.0"))) {
                assertThrows(GosyncException.class, () -> tx.put(bad, LayoutPath.Kind.MOD, bytes("module x\n")), bad.toString());
            }
        }
    }

    @Test
    void leftoversOfACrashedTransactionAreRemovedByTheNextBegin() throws Exception {
        commit(V100);
        Path dead = Files.createDirectories(store.root().resolve(".gosync/tx-crashed"));
        Files.writeString(dead.resolve("f0"), "half a zip");
        Map<String, String> before = snapshot();
        before.remove(".gosync/tx-crashed/f0");
        store.begin().abort();
        assertEquals(before, snapshot());
        assertEquals(List.of(), stagingAreas());
    }

    @Test
    void aSelfCheckingStreamsHashIsRecordedWithoutHashingAgain() {
        String vouched = "ab".repeat(32);
        try (LayoutStore.Transaction tx = store.begin()) {
            StoredFile stored = tx.put(V100, LayoutPath.Kind.MOD, bytes(TestModules.goMod(V100)), vouched);
            // The store takes the caller's word: the stream is the one that fails on other bytes.
            assertEquals(vouched, stored.sha256());
            assertEquals(TestModules.goMod(V100).length, stored.size());
        }
    }

    @Test
    void zipsCanBeVerifiedOnOtherThreadsWhileFilesAreStillPut() throws Exception {
        ModuleVersion v101 = new ModuleVersion("example.com/m", "v1.0.1");
        try (LayoutStore.Transaction tx = store.begin()) {
            tx.put(V100, LayoutPath.Kind.ZIP, bytes(TestModules.zip(V100, tmp)));
            CompletableFuture<StoredFile> zip = CompletableFuture.supplyAsync(() -> tx.verifyZip(V100));
            tx.put(v101, LayoutPath.Kind.MOD, bytes(TestModules.goMod(v101)));
            assertTrue(zip.get(30, TimeUnit.SECONDS).h1().startsWith("h1:"));
            tx.commit();
        }
        assertTrue(store.has(V100, LayoutPath.Kind.ZIP));
        assertEquals(List.of("v1.0.1"), store.versions("example.com/m"));
    }

    @Test
    void aCommitThatCrashedAfterItsJournalIsCompletedByTheNextBegin() throws IOException {
        StagingArea crashed = StagingArea.create(Files.createDirectories(store.root().resolve(".gosync")));
        StagingArea.Staged mod = crashed.stage(bytes(TestModules.goMod(V100)), 1 << 20, "test");
        StagingArea.Staged zip = crashed.stage(bytes(TestModules.zip(V100, tmp)), 1 << 20, "test");
        crashed.writeJournal(List.of(new StagingArea.Move(zip.file().getFileName().toString(), ProxyLayout.zip(V100)),
                new StagingArea.Move(mod.file().getFileName().toString(), ProxyLayout.mod(V100))));
        // The crash came after the zip was moved, while the list was being written.
        Path zipTarget = Files.createDirectories(store.path(V100, LayoutPath.Kind.ZIP).getParent()).resolve("v1.0.0.zip");
        Files.move(zip.file(), zipTarget);
        Files.writeString(mod.file().resolveSibling("temp"), "v1.0");

        store.begin().abort();
        assertEquals(List.of("example.com/m/@v/list", "example.com/m/@v/v1.0.0.mod", "example.com/m/@v/v1.0.0.zip"),
                layoutFiles());
        assertEquals(List.of("v1.0.0"), store.versions("example.com/m"));
        assertEquals(List.of(), stagingAreas());
    }

    @Test
    void writersTakeTurns() throws Exception {
        LayoutStore.Transaction first = store.begin();
        TestModules.putVersion(first, V100, tmp);
        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> {
            try (LayoutStore.Transaction tx = store.begin()) {
                // Begun only once the first committed, so the first's version is already listed.
                List<String> seen = store.versions("example.com/m");
                TestModules.putVersion(tx, V101, tmp.resolve("second"));
                tx.commit();
                return seen;
            }
        });
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS));
        first.commit();
        assertEquals(List.of("v1.0.0"), second.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("v1.0.0", "v1.0.1"), store.versions("example.com/m"));
    }

    @Test
    void writersInOtherProcessesTakeTurns() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                store.root().toString(), tmp.resolve("holder").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS));
            CompletableFuture<List<String>> ours = CompletableFuture.supplyAsync(() -> {
                try (LayoutStore.Transaction tx = store.begin()) {
                    tx.commit();
                    return store.versions("example.com/m");
                }
            });
            assertThrows(TimeoutException.class, () -> ours.get(500, TimeUnit.MILLISECONDS));
            holder.getOutputStream().write('\n');
            holder.getOutputStream().flush();
            assertEquals(List.of("v1.0.0"), ours.get(60, TimeUnit.SECONDS));
            assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, holder.exitValue());
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void modulesListsEveryModuleWithTheVersionsItHasFilesFor() throws IOException {
        ModuleVersion nested = new ModuleVersion("example.com/m/v2", "v2.0.0");
        commit(V100, V101, UPPER, nested);
        Path versions = store.path(V100, LayoutPath.Kind.MOD).getParent();
        // The go command's own helper files, as in a copied $GOMODCACHE/cache/download.
        Files.writeString(versions.resolve("v1.0.0.lock"), "");
        Files.writeString(versions.resolve("v1.0.0.ziphash"), "h1:x");
        Files.createDirectories(store.root().resolve(".hidden/example.com/x/@v"));
        Files.writeString(store.root().resolve(".hidden/example.com/x/@v/v1.0.0.mod"), "module example.com/x\n");
        assertEquals(Map.of("example.com/Upper/m", List.of("v1.0.0-RC1"), "example.com/m", List.of("v1.0.0", "v1.0.1"),
                "example.com/m/v2", List.of("v2.0.0")), store.modules());
        assertEquals(List.of("example.com/Upper/m", "example.com/m", "example.com/m/v2"), List.copyOf(store.modules().keySet()));
    }

    @Test
    void openRequiresAnExistingDirectory() {
        assertThrows(StoreException.class, () -> LayoutStore.open(tmp.resolve("missing")));
        assertEquals(store.root(), LayoutStore.open(tmp.resolve("store")).root());
        assertTrue(store.describe().startsWith("file:///"), store.describe());
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
