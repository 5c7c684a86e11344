package dev.gosync.bundle.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import dev.gosync.bundle.testing.TestBundles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleDeterminismTest {
    private static final String LONG_PATH = "example.com/" + "long-element/".repeat(12) + "@v/v1.0.0.mod";

    @TempDir
    Path dir;

    private final TestBundles files = TestBundles.sample().add(LONG_PATH, "module x\n");

    private byte[] write(BundleWriter writer, String name) throws IOException {
        Manifest manifest = files.manifest(writer.signatureScheme()).build();
        writer.write(manifest, files.source(), dir.resolve(name));
        return Files.readAllBytes(dir.resolve(name));
    }

    @Test
    void theSameInputsGiveTheSameBytes() throws IOException {
        assertArrayEquals(write(BundleWriter.signedBy(Bundles.SIGNER), "a"),
                write(BundleWriter.signedBy(Bundles.SIGNER), "b"));
        assertArrayEquals(write(BundleWriter.unsigned().withCompression(Compression.GZIP), "c"),
                write(BundleWriter.unsigned().withCompression(Compression.GZIP), "d"));
    }

    @Test
    void theNumberOfZstdWorkersDoesNotChangeTheBytes() throws Exception {
        // Big enough for three of zstd's 16 MiB jobs: incompressible blobs (as zips are) and compressible text.
        TestBundles big = TestBundles.sample();
        Random random = new Random(42);
        for (int i = 0; i < 10; i++) {
            byte[] blob = new byte[4 << 20];
            random.nextBytes(blob);
            big.add("example.com/big" + i + "/@v/v1.0.0.zip", blob);
            big.add("example.com/big" + i + "/@v/v1.0.0.mod", ("module example.com/big" + i + "\n// "
                    + "text that compresses well ".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
        }
        Manifest manifest = big.manifest(Manifest.UNSIGNED).build();
        List<String> digests = new ArrayList<>();
        for (int workers : new int[] {1, 2, 3, 8}) {
            Path out = dir.resolve("workers-" + workers);
            BundleWriter.unsigned().withWorkers(workers).write(manifest, big.source(), out);
            digests.add(sha256Of(out));
        }
        BundleWriter.unsigned().write(manifest, big.source(), dir.resolve("default"));
        digests.add(sha256Of(dir.resolve("default")));
        assertEquals(Collections.nCopies(digests.size(), digests.get(0)), digests);
        assertEquals(big.files().size(), Bundles.verify(dir.resolve("workers-1"), TrustPolicy.integrityOnly()).files());
    }

    @Test
    void filesAddedOneByOneGiveTheBytesOfAWholeWriteWhateverTheTimingAndWorkers() throws Exception {
        // Files added while others are still "fetched": from another thread, with pauses, some
        // with their digest trusted; the manifest frame is put in front at the end.
        TestBundles big = TestBundles.sample().add(LONG_PATH, "module x\n");
        Random random = new Random(7);
        for (int i = 0; i < 3; i++) {
            byte[] blob = new byte[(6 << 20) + i];
            random.nextBytes(blob);
            big.add("example.com/late" + i + "/@v/v1.0.0.zip", blob);
        }
        for (String scheme : List.of(SshSigSigner.SCHEME, Manifest.UNSIGNED)) {
            BundleWriter writer = scheme.equals(Manifest.UNSIGNED) ? BundleWriter.unsigned()
                    : BundleWriter.signedBy(Bundles.SIGNER);
            Manifest manifest = big.manifest(scheme).build();
            Path whole = dir.resolve("whole-" + scheme);
            writer.write(manifest, big.source(), whole);
            for (int workers : new int[] {1, 3}) {
                Path streamed = dir.resolve("streamed-" + scheme + "-" + workers);
                Thread adder = new Thread(() -> {
                    try (BundleBody body = writer.withWorkers(workers).begin(streamed, manifest.created())) {
                        int i = 0;
                        for (FileRow row : manifest.files()) {
                            if (i++ % 2 == 0) {
                                body.add(row, big.source().open(row));
                            } else {
                                Thread.sleep(random.nextInt(20));
                                body.addDigested(row, big.source().open(row));
                            }
                        }
                        body.finish(manifest);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                adder.start();
                adder.join();
                assertEquals(sha256Of(whole), sha256Of(streamed), scheme + " with " + workers + " workers");
            }
            assertEquals(big.files().size(), Bundles.verify(whole, scheme.equals(Manifest.UNSIGNED)
                    ? TrustPolicy.integrityOnly() : Bundles.TRUSTING_KEY).files());
        }
    }

    private static String sha256Of(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void whoWritesTheBundleDoesNotShowInIt() throws IOException {
        String user = System.getProperty("user.name");
        try {
            System.setProperty("user.name", "alice");
            byte[] alice = write(BundleWriter.signedBy(Bundles.SIGNER), "alice");
            System.setProperty("user.name", "bob");
            assertArrayEquals(alice, write(BundleWriter.signedBy(Bundles.SIGNER), "bob"));
        } finally {
            System.setProperty("user.name", user);
        }
    }

    @Test
    void theLatestAllowedTimeFitsTheTarHeaders() {
        Manifest last = files.manifest(Manifest.UNSIGNED).created(Instant.ofEpochSecond(077777777777L))
                .build();
        BundleWriter.unsigned().write(last, files.source(), dir.resolve("late"));
        assertEquals(5, Bundles.verify(dir.resolve("late"), TrustPolicy.integrityOnly()).files());
    }

    @Test
    void anotherCreatedTimeGivesOtherBytes() throws IOException {
        byte[] first = write(BundleWriter.unsigned(), "a");
        BundleWriter.unsigned().write(files.manifest(Manifest.UNSIGNED).created(TestBundles.CREATED.plusSeconds(1))
                .build(), files.source(), dir.resolve("b"));
        assertFalse(Arrays.equals(first, Files.readAllBytes(dir.resolve("b"))));
    }

    @Test
    void everyEntryHasFixedOwnerModeAndTheCreatedTime() throws IOException {
        write(BundleWriter.signedBy(Bundles.SIGNER), "b");
        List<String> names = new ArrayList<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(dir.resolve("b")));
                TarArchiveInputStream tar = new TarArchiveInputStream(Compression.ZSTD.decompress(
                        new BufferedInputStream(raw)), "UTF-8")) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
                assertEquals(0, e.getLongUserId());
                assertEquals(0, e.getLongGroupId());
                assertEquals("", e.getUserName());
                assertEquals("", e.getGroupName());
                assertEquals(0100644, e.getMode());
                assertEquals(TestBundles.CREATED, e.getLastModifiedTime().toInstant());
                assertEquals(List.of(), List.copyOf(e.getExtraPaxHeaders().keySet()));
            }
        }
        List<String> expected = new ArrayList<>(List.of(BundleLayout.MANIFEST_ENTRY, BundleLayout.SIGNATURE_ENTRY));
        files.manifest(SshSigSigner.SCHEME).build().files().stream().map(FileRow::path).forEach(expected::add);
        assertEquals(expected, names);
    }
}
