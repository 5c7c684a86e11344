package dev.gosync.bundle.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.ManifestCodec;
import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.SignatureException.Reason;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import dev.gosync.bundle.testing.TestBundles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleRoundTripTest {
    @TempDir
    Path dir;

    private final TestBundles files = TestBundles.sample();

    @Test
    void aSignedBundleReadsBackVerifiedFileByFile() throws IOException {
        WrittenBundle written = Bundles.writeSigned(files, dir, "b.tar.zst");
        assertEquals(List.of(dir.resolve("b.tar.zst")), written.files());
        try (BundleReader reader = BundleReader.open(dir.resolve("b.tar.zst"), Bundles.TRUSTING_KEY)) {
            assertEquals(written.bundleId(), reader.manifest().id());
            assertEquals(files.manifest(SshSigSigner.SCHEME).build(), reader.manifest());
            assertEquals(List.of("release@example.com"), reader.signer().orElseThrow().principals());
            int n = 0;
            for (Optional<BundleEntry> e = reader.next(); e.isPresent(); e = reader.next()) {
                try (InputStream in = e.get().content()) {
                    assertArrayEquals(files.content(e.get().row().path()), in.readAllBytes());
                }
                assertEquals(reader.manifest().files().get(n++), e.get().row());
            }
            assertEquals(files.files().size(), n);
            assertEquals(Optional.empty(), reader.next());
        }
    }

    @Test
    void verifyAllReportsFilesBytesAndSigner() {
        Bundles.writeSigned(files, dir, "b");
        VerifyReport report = Bundles.verify(dir.resolve("b"), Bundles.TRUSTING_KEY);
        assertEquals(files.files().size(), report.files());
        assertEquals(files.files().values().stream().mapToLong(b -> b.length).sum(), report.bytes());
        assertEquals(List.of("release@example.com"), report.signer().orElseThrow().principals());
    }

    @Test
    void anUnsignedBundleIsRefusedUnlessAllowed() {
        BundleWriter.unsigned().write(files.manifest(Manifest.UNSIGNED).build(), files.source(), dir.resolve("u"));
        SignatureException e = assertThrows(SignatureException.class,
                () -> BundleReader.open(dir.resolve("u"), Bundles.TRUSTING_KEY));
        assertEquals(Reason.UNSIGNED, e.reason());
        VerifyReport report = Bundles.verify(dir.resolve("u"), TrustPolicy.integrityOnly());
        assertEquals(Optional.empty(), report.signer());
        assertEquals(4, report.files());
        assertEquals(4, Bundles.verify(dir.resolve("u"), new TrustPolicy(Bundles.TRUSTING_KEY.verifier(), true))
                .files());
    }

    @Test
    void aSignedBundleCanBeCheckedForIntegrityAlone() {
        Bundles.writeSigned(files, dir, "b");
        assertEquals(Optional.empty(), Bundles.verify(dir.resolve("b"), TrustPolicy.integrityOnly()).signer());
    }

    @Test
    void aBundleFromAnUntrustedKeyIsRefusedBeforeAnyFile() {
        SshSigSigner stranger = new SshSigSigner(KeyPairs.generate("stranger"));
        BundleWriter.signedBy(stranger).write(files.manifest(stranger.scheme()).build(), files.source(),
                dir.resolve("s"));
        SignatureException e = assertThrows(SignatureException.class,
                () -> BundleReader.open(dir.resolve("s"), Bundles.TRUSTING_KEY));
        assertEquals(Reason.UNKNOWN_SIGNER, e.reason());
    }

    @Test
    void aTamperedManifestFailsTheSignature() throws IOException {
        Manifest real = files.manifest(SshSigSigner.SCHEME).build();
        byte[] signature = Bundles.SIGNER.sign(ManifestCodec.write(real));
        Manifest forged = files.manifest(SshSigSigner.SCHEME).sequence(99).build();
        CraftedBundle crafted = CraftedBundle.startingWith(forged).file(BundleLayout.SIGNATURE_ENTRY, signature);
        forged.files().forEach(r -> crafted.file(r.path(), files.content(r.path())));
        Path bundle = crafted.writeTo(dir.resolve("forged"));
        SignatureException e = assertThrows(SignatureException.class,
                () -> BundleReader.open(bundle, Bundles.TRUSTING_KEY));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void gzipBundlesReadTheSame() {
        BundleWriter.signedBy(Bundles.SIGNER).withCompression(Compression.GZIP)
                .write(files.manifest(SshSigSigner.SCHEME).build(), files.source(), dir.resolve("b.tar.gz"));
        assertEquals(4, Bundles.verify(dir.resolve("b.tar.gz"), Bundles.TRUSTING_KEY).files());
    }

    @Test
    void longPathsEmptyFilesAndEmptyBundlesRoundTrip() throws IOException {
        String longPath = "example.com/" + "very-long-module-path-element/".repeat(30) + "@v/v1.0.0.info";
        TestBundles odd = new TestBundles().add(longPath, "{}").add("example.com/empty/@v/list", "");
        Bundles.writeSigned(odd, dir, "odd");
        try (BundleReader reader = BundleReader.open(dir.resolve("odd"), Bundles.TRUSTING_KEY)) {
            assertEquals(List.of("example.com/empty/@v/list", longPath),
                    reader.manifest().files().stream().map(FileRow::path).toList());
            assertEquals(0, reader.next().orElseThrow().content().readAllBytes().length);
            assertEquals("{}", new String(reader.next().orElseThrow().content().readAllBytes()));
        }
        Bundles.writeSigned(new TestBundles(), dir, "empty");
        assertEquals(0, Bundles.verify(dir.resolve("empty"), Bundles.TRUSTING_KEY).files());
    }

    @Test
    void entriesLeftUnreadOrHalfReadAreStillVerified() throws IOException {
        Bundles.writeSigned(files, dir, "b");
        try (BundleReader reader = BundleReader.open(dir.resolve("b"), Bundles.TRUSTING_KEY)) {
            reader.next().orElseThrow().content().read();
            reader.next();
            BundleEntry third = reader.next().orElseThrow();
            byte[] half = third.content().readNBytes((int) third.row().size() / 2);
            assertEquals(third.row().size() / 2, half.length);
            assertTrue(reader.next().isPresent());
            assertEquals(Optional.empty(), reader.next());
        }
    }

    @Test
    void theFileSourceIsAskedForEachRowOnceInManifestOrder() {
        List<String> asked = new ArrayList<>();
        FileSource recording = row -> {
            asked.add(row.path());
            return files.source().open(row);
        };
        BundleWriter.unsigned().write(files.manifest(Manifest.UNSIGNED).build(), recording, dir.resolve("b"));
        assertEquals(files.manifest(Manifest.UNSIGNED).build().files().stream().map(FileRow::path).toList(), asked);
    }
}
