package dev.gosync.serve.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.serve.mirror.ChainHead;
import dev.gosync.serve.mirror.Mirror;
import dev.gosync.serve.testing.ModuleFiles;
import dev.gosync.serve.testing.Signers;
import dev.gosync.serve.testing.TestBundle;
import dev.gosync.serve.testing.TreeListing;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverrides;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental chains per channel and signer: order, missing parents, replays and rollbacks. */
class ChannelChainTest {
    @TempDir
    Path tmp;
    Ed25519KeyPair alice;
    Ed25519KeyPair bob;
    Path trust;
    Mirror mirror;
    Manifest first;
    Manifest second;
    Manifest third;

    @BeforeEach
    void chainOfThree() {
        alice = Signers.key("alice");
        bob = Signers.key("bob");
        trust = Signers.trustStore(tmp.resolve("allowed_signers"), alice, bob);
        mirror = Mirror.open(tmp.resolve("mirror"), true);
        first = TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0")).channel("stable")
                .write(tmp.resolve("1.tar.zst"), alice);
        second = TestBundle.of(new ModuleFiles().module("example.com/a", "v1.1.0")).after(first)
                .write(tmp.resolve("2.tar.zst"), alice);
        third = TestBundle.of(new ModuleFiles().module("example.com/a", "v1.2.0")).after(second)
                .write(tmp.resolve("3.tar.zst"), alice);
    }

    @AfterEach
    void close() {
        mirror.close();
    }

    private ImportResult importBundle(String name, boolean allowRollback, boolean allowMissingParent) {
        ImportOptions options = ImportOptions.of(BundleTrust.load(Optional.of(trust), TrustOverrides.NONE))
                .withChainOverrides(allowRollback, allowMissingParent);
        return new Importer(mirror, options).importBundle(tmp.resolve(name), ImportListener.NONE);
    }

    private ImportResult importBundle(String name) {
        return importBundle(name, false, false);
    }

    private ChainHead head() {
        return mirror.index().head("stable", alice.publicKey().fingerprint()).orElseThrow();
    }

    @Test
    void bundlesInOrderMoveTheChannelForward() {
        importBundle("1.tar.zst");
        importBundle("2.tar.zst");
        importBundle("3.tar.zst");
        assertEquals(third.id(), head().bundleId());
        assertEquals(3, head().sequence());
    }

    @Test
    void aMissingParentIsRefusedNamingTheBundleToImportFirst() {
        importBundle("1.tar.zst");
        Map<String, String> before = TreeListing.mirror(mirror.root());
        ImportException e = assertThrows(ImportException.class, () -> importBundle("3.tar.zst"));
        assertEquals(ImportException.Problem.MISSING_PARENT, e.problem());
        assertTrue(e.remedy().startsWith("import bundle " + second.id() + " first"), e.remedy());
        assertEquals(before, TreeListing.mirror(mirror.root()));
    }

    @Test
    void theFirstBundleMissingIsNamedToo() {
        ImportException e = assertThrows(ImportException.class, () -> importBundle("2.tar.zst"));
        assertEquals(ImportException.Problem.MISSING_PARENT, e.problem());
        assertTrue(e.remedy().contains(first.id()), e.remedy());
    }

    @Test
    void aMissingParentCanBeOverriddenAndTheChannelGoesOnFromThere() {
        importBundle("1.tar.zst");
        ImportResult r = importBundle("3.tar.zst", false, true);
        assertTrue(r.overrides().get(0).startsWith("--allow-missing-parent: "), r.overrides().toString());
        assertEquals(third.id(), head().bundleId());
    }

    @Test
    void anOlderBundleIsARollbackAndIsRefused() {
        importBundle("1.tar.zst");
        importBundle("2.tar.zst");
        importBundle("3.tar.zst");
        Manifest fork = TestBundle.of(new ModuleFiles().module("example.com/a", "v1.1.1")).after(first)
                .write(tmp.resolve("fork.tar.zst"), alice);
        Map<String, String> before = TreeListing.mirror(mirror.root());
        ImportException e = assertThrows(ImportException.class, () -> importBundle("fork.tar.zst"));
        assertEquals(ImportException.Problem.ROLLBACK, e.problem());
        assertTrue(e.getMessage().contains("would replay or roll back"), e.getMessage());
        assertTrue(e.getMessage().contains(third.id()), e.getMessage());
        assertTrue(e.remedy().contains("--allow-rollback"), e.remedy());
        assertEquals(before, TreeListing.mirror(mirror.root()));
        assertTrue(mirror.index().bundle(fork.id()).isEmpty());
    }

    @Test
    void anOlderFullBundleIsARollbackToo() {
        Manifest newer = TestBundle.of(new ModuleFiles().module("example.com/a", "v1.3.0")).created(TestBundle.CREATED.plusSeconds(86400))
                .write(tmp.resolve("full-new.tar.zst"), alice);
        TestBundle.of(new ModuleFiles().module("example.com/a", "v0.9.0")).write(tmp.resolve("full-old.tar.zst"), alice);
        importBundle("full-new.tar.zst");
        ImportException e = assertThrows(ImportException.class, () -> importBundle("full-old.tar.zst"));
        assertEquals(ImportException.Problem.ROLLBACK, e.problem());
        assertTrue(e.getMessage().contains(newer.id()), e.getMessage());
    }

    @Test
    void aRollbackCanBeOverriddenWithoutMovingTheChannelBack() {
        importBundle("1.tar.zst");
        importBundle("2.tar.zst");
        importBundle("3.tar.zst");
        TestBundle.of(new ModuleFiles().module("example.com/a", "v1.1.1")).after(first)
                .write(tmp.resolve("fork.tar.zst"), alice);
        ImportResult r = importBundle("fork.tar.zst", true, false);
        assertEquals(ImportResult.Status.IMPORTED, r.status());
        assertTrue(r.overrides().get(0).startsWith("--allow-rollback: "), r.overrides().toString());
        assertEquals(third.id(), head().bundleId(), "the channel stays at its newest bundle");
    }

    @Test
    void aNewerFullBundleRestartsTheChannel() {
        importBundle("1.tar.zst");
        importBundle("2.tar.zst");
        Manifest full = TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0").module("example.com/a",
                "v1.1.0")).channel("stable").created(second.created().plusSeconds(60))
                .write(tmp.resolve("full.tar.zst"), alice);
        importBundle("full.tar.zst");
        assertEquals(full.id(), head().bundleId());
        assertEquals(1, head().sequence());
        // The incremental chain that continues from the older bundles still goes on.
        importBundle("3.tar.zst");
        assertEquals(third.id(), head().bundleId());
    }

    @Test
    void eachSignerHasItsOwnChainOnAChannel() {
        importBundle("1.tar.zst");
        importBundle("2.tar.zst");
        Manifest bobsFirst = TestBundle.of(new ModuleFiles().module("example.com/b", "v1.0.0")).channel("stable")
                .write(tmp.resolve("bob-1.tar.zst"), bob);
        importBundle("bob-1.tar.zst");
        assertEquals(bobsFirst.id(), mirror.index().head("stable", bob.publicKey().fingerprint()).orElseThrow()
                .bundleId());
        assertEquals(second.id(), head().bundleId());
    }

    @Test
    void replayingAnImportedBundleIsANoOpNotARollback() {
        importBundle("1.tar.zst");
        importBundle("2.tar.zst");
        assertEquals(ImportResult.Status.ALREADY_IMPORTED, importBundle("1.tar.zst").status());
        assertEquals(second.id(), head().bundleId());
    }

    @Test
    void aSequenceThatContradictsItsParentIsRefused() {
        importBundle("1.tar.zst");
        TestBundle.of(new ModuleFiles().module("example.com/a", "v1.5.0")).channel("stable").sequence(5, first.id())
                .created(first.created().plusSeconds(5)).write(tmp.resolve("bad.tar.zst"), alice);
        ImportException e = assertThrows(ImportException.class, () -> importBundle("bad.tar.zst"));
        assertEquals(ImportException.Problem.BROKEN_CHAIN, e.problem());
    }
}
