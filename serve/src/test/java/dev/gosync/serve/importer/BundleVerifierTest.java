package dev.gosync.serve.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.archive.CraftedBundle;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.serve.testing.ModuleFiles;
import dev.gosync.serve.testing.Signers;
import dev.gosync.serve.testing.TestBundle;
import dev.gosync.serve.testing.TreeListing;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gosync verify BUNDLE}: the import's checks, and nothing left behind. */
class BundleVerifierTest {
    @TempDir
    Path tmp;
    Ed25519KeyPair alice;
    Path trust;
    Path scratch;

    @BeforeEach
    void setUp() throws Exception {
        alice = Signers.key("alice");
        trust = Signers.trustStore(tmp.resolve("allowed_signers"), alice);
        scratch = Files.createDirectories(tmp.resolve("scratch"));
    }

    private BundleVerifier verifier(TrustOverrides overrides) {
        return new BundleVerifier(BundleTrust.load(Optional.of(trust), overrides), scratch);
    }

    @Test
    void scratchDirectoriesAKilledVerifyLeftAreRemovedOnceADayOld() throws IOException {
        Path stale = Files.createDirectories(scratch.resolve("gosync-verify-123/example.com/@v"));
        Files.writeString(stale.resolve("x.zip"), "left over");
        Files.setLastModifiedTime(scratch.resolve("gosync-verify-123"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
        Path recent = Files.createDirectories(scratch.resolve("gosync-verify-456"));
        Path other = Files.createDirectories(scratch.resolve("not-ours"));
        Files.setLastModifiedTime(other,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
        Path bundle = tmp.resolve("b.tar.zst");
        TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0")).write(bundle, alice);

        verifier(TrustOverrides.NONE).verify(bundle, ImportListener.NONE);

        assertFalse(Files.exists(scratch.resolve("gosync-verify-123")), "a day-old scratch directory is removed");
        assertTrue(Files.isDirectory(recent), "a recent one may belong to a running verify");
        assertTrue(Files.isDirectory(other), "only gosync's own scratch directories are touched");
    }

    @Test
    void aGoodBundleVerifiesAndNothingIsLeftBehind() {
        Path bundle = tmp.resolve("b.tar.zst");
        Manifest m = TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0")).write(bundle, alice);
        Map<String, String> before = TreeListing.of(tmp, null);

        BundleVerifier.Result r = verifier(TrustOverrides.NONE).verify(bundle, ImportListener.NONE);

        assertEquals(m.id(), r.manifest().id());
        assertEquals(List.of("alice"), r.principals());
        assertEquals(alice.publicKey().fingerprint(), r.signer());
        assertEquals(before, TreeListing.of(tmp, null), "verify wrote something");
    }

    @Test
    void aWrongH1IsFoundWithoutAMirror() {
        ModuleFiles files = new ModuleFiles().module("example.com/a", "v1.0.0");
        List<FileRow> lying = new ArrayList<>();
        for (FileRow row : files.rows()) {
            lying.add(row.path().endsWith(".zip") ? new FileRow(row.path(), row.size(), row.sha256(),
                    "h1:" + "B".repeat(43) + "=") : row);
        }
        CraftedBundle crafted = TestBundle.crafted(lying, alice);
        files.files().forEach(crafted::file);
        Path bundle = crafted.writeTo(tmp.resolve("lying.tar.zst"));
        Map<String, String> before = TreeListing.of(tmp, null);

        ImportException e = assertThrows(ImportException.class,
                () -> verifier(TrustOverrides.NONE).verify(bundle, ImportListener.NONE));

        assertEquals(ImportException.Problem.HASH_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("example.com/a/@v/v1.0.0.zip has h1 hash"), e.getMessage());
        assertEquals(before, TreeListing.of(tmp, null), "the scratch copy must go even after a failure");
    }

    @Test
    void trustIsJudgedAsForAnImport() {
        Path bundle = tmp.resolve("u.tar.zst");
        TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0")).write(bundle, null);
        SignatureException e = assertThrows(SignatureException.class,
                () -> verifier(TrustOverrides.NONE).verify(bundle, ImportListener.NONE));
        assertTrue(e.remedy().contains("--allow-unsigned"), e.remedy());
        BundleVerifier.Result r = verifier(new TrustOverrides(true, false, false)).verify(bundle, ImportListener.NONE);
        assertTrue(r.overrides().get(0).startsWith("--allow-unsigned"), r.overrides().toString());
    }
}
