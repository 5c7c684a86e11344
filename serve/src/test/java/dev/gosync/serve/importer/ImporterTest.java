package dev.gosync.serve.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.archive.CraftedBundle;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.store.StoreConflictException;
import dev.gosync.serve.mirror.AuditEvent;
import dev.gosync.serve.mirror.ImportedBundle;
import dev.gosync.serve.mirror.Mirror;
import dev.gosync.serve.testing.ModuleFiles;
import dev.gosync.serve.testing.Signers;
import dev.gosync.serve.testing.TestBundle;
import dev.gosync.serve.testing.TreeListing;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Importer}: trust, immutability, re-imports, version lists and the audit log. */
class ImporterTest {
    @TempDir
    Path tmp;
    Ed25519KeyPair alice;
    Path trust;
    Mirror mirror;

    @BeforeEach
    void setUp() {
        alice = Signers.key("alice");
        trust = Signers.trustStore(tmp.resolve("allowed_signers"), alice);
        mirror = Mirror.open(tmp.resolve("mirror"), true);
    }

    @AfterEach
    void tearDown() {
        mirror.close();
    }

    private Importer importer(TrustOverrides overrides) {
        return new Importer(mirror, ImportOptions.of(BundleTrust.load(Optional.of(trust), overrides)));
    }

    private ImportResult importBundle(Path bundle) {
        return importer(TrustOverrides.NONE).importBundle(bundle, ImportListener.NONE);
    }

    @Test
    void importsASignedBundleAndDerivesTheVersionLists() throws IOException {
        ModuleFiles files = new ModuleFiles().module("example.com/a", "v1.0.0").module("example.com/a", "v1.1.0")
                .module("example.com/b", "v0.1.0");
        Manifest m = TestBundle.of(files).write(tmp.resolve("b.tar.zst"), alice);

        ImportResult result = importBundle(tmp.resolve("b.tar.zst"));

        assertEquals(ImportResult.Status.IMPORTED, result.status());
        assertEquals(m.id(), result.bundleId());
        assertEquals(9, result.newFiles());
        assertEquals(List.of("alice"), result.principals());
        for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(mirror.root().resolve(f.getKey())), f.getKey());
        }
        assertEquals("v1.0.0\nv1.1.0\n", Files.readString(mirror.root().resolve("example.com/a/@v/list")));
        assertEquals("v0.1.0\n", Files.readString(mirror.root().resolve("example.com/b/@v/list")));
        ImportedBundle recorded = mirror.index().bundle(m.id()).orElseThrow();
        assertTrue(recorded.complete());
        assertEquals(alice.publicKey().fingerprint(), recorded.signer());
        assertEquals(9, recorded.files());
        assertEquals(ImportOptions.currentOperator(), recorded.operator());
        assertEquals(AuditEvent.IMPORTED, lastEvent().action());
        assertEquals(files.rows().get(0).sha256(), mirror.index().file(files.rows().get(0).path()).orElseThrow().sha256());
    }

    @Test
    void versionListsComeFromTheMirrorNeverFromTheBundle() throws IOException {
        ModuleFiles files = new ModuleFiles().module("example.com/a", "v1.0.0")
                .raw("example.com/a/@v/list", "v9.9.9\n");
        TestBundle.of(files).write(tmp.resolve("b.tar.zst"), alice);
        importBundle(tmp.resolve("b.tar.zst"));
        assertEquals("v1.0.0\n", Files.readString(mirror.root().resolve("example.com/a/@v/list")));
    }

    @Test
    void aDamagedCopyOfAnImportedBundleIsRefusedNotCalledARepeat() throws IOException {
        java.util.Random random = new java.util.Random(11);
        StringBuilder noise = new StringBuilder("package x\n\nconst noise = \"");
        for (int i = 0; i < 200_000; i++) {
            noise.append((char) ('a' + random.nextInt(26)));
        }
        Path good = tmp.resolve("b.tar.zst");
        TestBundle.of(new ModuleFiles().module("example.com/big", "v1.0.0", noise + "\"\n")).write(good, alice);
        importBundle(good);
        byte[] whole = Files.readAllBytes(good);
        whole[whole.length * 3 / 4] ^= 1; // well after the manifest, in module bytes
        Path damaged = Files.write(tmp.resolve("damaged.tar.zst"), whole);
        Map<String, String> before = TreeListing.mirror(mirror.root());

        dev.gosync.gomod.GosyncException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.gosync.gomod.GosyncException.class, () -> importBundle(damaged));

        assertTrue(e.getMessage().contains("example.com/big/@v/v1.0.0.zip"), e.getMessage());
        assertEquals(before, TreeListing.mirror(mirror.root()));
        assertEquals(AuditEvent.REFUSED, lastEvent().action());
    }

    @Test
    void importingTheSameBundleAgainIsANoOpThatSaysSo() {
        TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0")).write(tmp.resolve("b.tar.zst"), alice);
        importBundle(tmp.resolve("b.tar.zst"));
        Map<String, String> before = TreeListing.mirror(mirror.root());

        ImportResult again = importBundle(tmp.resolve("b.tar.zst"));

        assertEquals(ImportResult.Status.ALREADY_IMPORTED, again.status());
        assertEquals(0, again.newFiles());
        assertEquals(before, TreeListing.mirror(mirror.root()));
        assertEquals(AuditEvent.ALREADY_IMPORTED, lastEvent().action());
        assertEquals(1, mirror.index().bundles().size());
    }

    @Test
    void overlappingBundlesShareFilesWithTheSameBytes() {
        ModuleFiles first = new ModuleFiles().module("example.com/a", "v1.0.0");
        TestBundle.of(first).write(tmp.resolve("1.tar.zst"), alice);
        ModuleFiles second = new ModuleFiles().module("example.com/a", "v1.0.0").module("example.com/b", "v1.0.0");
        TestBundle.of(second).created(TestBundle.CREATED.plusSeconds(60)).write(tmp.resolve("2.tar.zst"), alice);
        importBundle(tmp.resolve("1.tar.zst"));
        ImportResult result = importBundle(tmp.resolve("2.tar.zst"));
        assertEquals(ImportResult.Status.IMPORTED, result.status());
        assertEquals(3, result.newFiles(), "only example.com/b is new");
    }

    @Test
    void aModuleVersionWithOtherBytesIsAConflictThatRefusesTheWholeBundle() {
        TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0", "package x // one\n"))
                .write(tmp.resolve("1.tar.zst"), alice);
        importBundle(tmp.resolve("1.tar.zst"));
        Map<String, String> before = TreeListing.mirror(mirror.root());
        ModuleFiles other = new ModuleFiles().module("example.com/a", "v1.0.0", "package x // two\n")
                .module("example.com/c", "v1.0.0");
        TestBundle.of(other).created(TestBundle.CREATED.plusSeconds(60)).write(tmp.resolve("2.tar.zst"), alice);

        StoreConflictException e = assertThrows(StoreConflictException.class, () -> importBundle(tmp.resolve("2.tar.zst")));

        assertEquals(1, e.conflicts().size());
        String zip = "example.com/a/@v/v1.0.0.zip";
        assertTrue(e.getMessage().contains(zip + ": stored sha256 " + before.get(zip) + ", offered sha256 "
                + ModuleFiles.sha256(other.content(zip))), e.getMessage());
        assertEquals(before, TreeListing.mirror(mirror.root()), "example.com/c must not arrive either");
        assertEquals(AuditEvent.REFUSED, lastEvent().action());
        assertEquals(1, mirror.index().bundles().size());
    }

    @Test
    void anUnsignedBundleIsRefusedUnlessAllowedAndTheOverrideIsLogged() {
        Manifest m = TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0")).write(tmp.resolve("u.tar.zst"),
                null);
        SignatureException refused = assertThrows(SignatureException.class, () -> importBundle(tmp.resolve("u.tar.zst")));
        assertTrue(refused.getMessage().contains("is not signed"), refused.getMessage());
        assertTrue(refused.remedy().contains("--allow-unsigned"), refused.remedy());
        assertTrue(TreeListing.mirror(mirror.root()).isEmpty());

        ImportResult result = importer(new TrustOverrides(true, false, false)).importBundle(tmp.resolve("u.tar.zst"),
                ImportListener.NONE);

        assertEquals(BundleTrust.UNSIGNED, result.signer());
        assertEquals(1, result.overrides().size());
        assertTrue(result.overrides().get(0).startsWith("--allow-unsigned: "), result.overrides().toString());
        assertTrue(mirror.index().events().stream().anyMatch(e -> e.action().equals(AuditEvent.OVERRIDE)
                && m.id().equals(e.bundleId()) && e.detail().contains("--allow-unsigned")));
        assertEquals(List.of("--allow-unsigned: accepted although bundle " + m.id() + " is not signed"),
                mirror.index().bundle(m.id()).orElseThrow().overrides());
    }

    @Test
    void aBundleFromAnUnknownKeyIsRefusedUnlessAllowedUntrusted() {
        Ed25519KeyPair mallory = Signers.key("mallory");
        TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0")).write(tmp.resolve("m.tar.zst"), mallory);
        SignatureException refused = assertThrows(SignatureException.class, () -> importBundle(tmp.resolve("m.tar.zst")));
        assertEquals(SignatureException.Reason.UNKNOWN_SIGNER, refused.reason());
        assertTrue(refused.getMessage().contains(mallory.publicKey().fingerprint()), refused.getMessage());
        assertTrue(refused.remedy().contains("--allow-untrusted"), refused.remedy());
        assertTrue(TreeListing.mirror(mirror.root()).isEmpty());
        assertEquals(AuditEvent.REFUSED, lastEvent().action());

        ImportResult result = importer(new TrustOverrides(false, true, false)).importBundle(tmp.resolve("m.tar.zst"),
                ImportListener.NONE);
        assertEquals(mallory.publicKey().fingerprint(), result.signer());
        assertTrue(result.overrides().get(0).startsWith("--allow-untrusted: "), result.overrides().toString());
    }

    @Test
    void aSignatureThatDoesNotMatchTheManifestIsRefusedUnlessAllowed() throws IOException {
        ModuleFiles files = new ModuleFiles().module("example.com/a", "v1.0.0");
        Manifest real = TestBundle.of(files).manifest("sshsig");
        Manifest other = TestBundle.of(files).channel("other").manifest("sshsig");
        // The signature of one manifest put next to another: a tampered manifest.
        Path tampered = tmp.resolve("t.tar.zst");
        Files.write(tampered, spliceSignature(real, other, files));
        SignatureException refused = assertThrows(SignatureException.class, () -> importBundle(tampered));
        assertEquals(SignatureException.Reason.BAD_SIGNATURE, refused.reason());
        assertTrue(refused.remedy().contains("--allow-bad-signature"), refused.remedy());
        assertTrue(TreeListing.mirror(mirror.root()).isEmpty());

        ImportResult result = importer(new TrustOverrides(false, false, true)).importBundle(tampered,
                ImportListener.NONE);
        assertEquals(BundleTrust.UNSIGNED, result.signer(), "a signature that does not verify proves no signer");
        assertTrue(result.overrides().get(0).startsWith("--allow-bad-signature: "), result.overrides().toString());
    }

    /** A bundle whose manifest is {@code shown} and whose signature covers {@code signed}. */
    private byte[] spliceSignature(Manifest shown, Manifest signedOne, ModuleFiles files) {
        byte[] signature = new dev.gosync.bundle.sign.sshsig.SshSigSigner(alice).sign(
                dev.gosync.bundle.manifest.ManifestCodec.write(signedOne));
        CraftedBundle crafted = CraftedBundle.startingWith(shown).file(
                dev.gosync.bundle.archive.BundleLayout.SIGNATURE_ENTRY, signature);
        files.files().forEach(crafted::file);
        return crafted.bytes();
    }

    @Test
    void aMissingTrustStoreIsNamedWithTheRemedy() {
        TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0")).write(tmp.resolve("b.tar.zst"), alice);
        GosyncException e = assertThrows(GosyncException.class, () -> BundleTrust.load(
                Optional.of(tmp.resolve("nowhere")), TrustOverrides.NONE));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void theAuditLogRecordsRefusals() {
        TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0")).write(tmp.resolve("u.tar.zst"), null);
        assertThrows(SignatureException.class, () -> importBundle(tmp.resolve("u.tar.zst")));
        AuditEvent last = lastEvent();
        assertEquals(AuditEvent.REFUSED, last.action());
        assertTrue(last.detail().contains("u.tar.zst") && last.detail().contains("not signed"), last.detail());
        assertFalse(last.operator().isEmpty());
    }

    @Test
    void anImportWaitsWhileAnotherHoldsTheMirror() throws Exception {
        TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0")).write(tmp.resolve("b.tar.zst"), alice);
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        ImportListener listener = new ImportListener() {
            @Override
            public void waitingForLock(String mirrorDir) {
                waiting.countDown();
            }
        };
        java.util.concurrent.CompletableFuture<ImportResult> second;
        try (Mirror.ImportLock held = mirror.lockForImport(() -> { }, java.time.Clock.systemUTC(), "first")) {
            second = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> importer(TrustOverrides.NONE).importBundle(tmp.resolve("b.tar.zst"), listener));
            assertTrue(waiting.await(30, java.util.concurrent.TimeUnit.SECONDS), "the second import never waited");
            Thread.sleep(200);
            assertFalse(second.isDone(), "the second import ran while the first held the lock");
            assertTrue(TreeListing.mirror(mirror.root()).isEmpty());
        }
        assertEquals(ImportResult.Status.IMPORTED, second.get(30, java.util.concurrent.TimeUnit.SECONDS).status());
    }

    @Test
    void aReaderDuringAnImportSeesEachFileWholeOrNotAtAll() throws Exception {
        ModuleFiles files = new ModuleFiles();
        for (int i = 0; i < 40; i++) {
            files.module("example.com/r" + i, "v1.0.0", "package x\n\nconst s = \"" + "x".repeat(20_000 + i) + "\"\n");
        }
        TestBundle.of(files).write(tmp.resolve("big.tar.zst"), alice);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture<Integer> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            int seen = 0;
            // Bounded: the import ends, and a reader round is short; at most 100000 rounds either way.
            for (int round = 0; round < 100_000 && !done.get(); round++) {
                for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
                    Path file = mirror.root().resolve(f.getKey());
                    byte[] read;
                    try {
                        read = Files.readAllBytes(file);
                    } catch (IOException e) {
                        continue; // not there yet
                    }
                    assertArrayEquals(f.getValue(), read, "a reader saw part of " + f.getKey());
                    seen++;
                }
            }
            return seen;
        });
        importBundle(tmp.resolve("big.tar.zst"));
        done.set(true);
        // Rethrows the reader's assertion failure, if it saw a partial file.
        reader.get(60, java.util.concurrent.TimeUnit.SECONDS);
        for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(mirror.root().resolve(f.getKey())));
        }
    }

    private AuditEvent lastEvent() {
        List<AuditEvent> events = mirror.index().events();
        return events.get(events.size() - 1);
    }
}
