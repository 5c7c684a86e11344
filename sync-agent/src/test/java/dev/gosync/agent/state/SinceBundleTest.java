package dev.gosync.agent.state;

import static dev.gosync.agent.state.TestManifests.row;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.archive.BundleWriter;
import dev.gosync.bundle.archive.Compression;
import dev.gosync.bundle.archive.WrittenBundle;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.ManifestException;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinceBundleTest {
    private static final String PREVIOUS = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;

    private final Map<String, String> contents = new LinkedHashMap<>();

    SinceBundleTest() {
        contents.put("example.com/mod/@v/v1.0.0.info", "{\"Version\":\"v1.0.0\"}");
        contents.put("example.com/mod/@v/v1.0.0.mod", "module example.com/mod\n");
        // Random, so that it compresses badly and a small part size splits the bundle into several parts.
        Random random = new Random(42);
        StringBuilder zip = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            zip.append(Long.toHexString(random.nextLong()));
        }
        contents.put("example.com/mod/@v/v1.0.0.zip", zip.toString());
    }

    @Test
    void planContinuesAfterTheGivenBundle() {
        Manifest previous = manifest(Manifest.UNSIGNED);
        Path bundle = tmp.resolve("previous.tar.zst");
        BundleWriter.unsigned().write(previous, TestManifests.source(contents), bundle);

        IncrementalPlan plan = SinceBundle.plan(bundle);

        Map<String, ShippedFile> expected = new HashMap<>();
        previous.files().forEach(r -> expected.put(r.path(), new ShippedFile(r.path(), r.sha256(), r.size(),
                previous.id())));
        assertAll(
                () -> assertEquals("stable", plan.channel()),
                () -> assertEquals(previous.id(), plan.parent()),
                () -> assertEquals(8, plan.sequence()),
                () -> assertEquals(expected, plan.shipped()));
    }

    @Test
    void filesOfTheGivenBundleAreLeftOutOfTheNext() {
        Path bundle = tmp.resolve("previous.tar.zst");
        BundleWriter.unsigned().write(manifest(Manifest.UNSIGNED), TestManifests.source(contents), bundle);
        FileRow newer = row("example.com/mod/@v/v1.1.0.zip", "newer");
        FileRow changed = row("example.com/mod/@v/v1.0.0.zip", "changed");

        Selection selection = SinceBundle.plan(bundle).select(List.of(newer, changed,
                row("example.com/mod/@v/v1.0.0.mod", contents.get("example.com/mod/@v/v1.0.0.mod"))));

        assertAll(
                () -> assertEquals(List.of(newer), selection.toShip()),
                () -> assertEquals(1, selection.alreadyShipped().size()),
                () -> assertEquals(List.of(changed), selection.conflicts().stream().map(ShipConflict::now).toList()));
    }

    @Test
    void splitBundleIsReadFromItsBaseNameFirstPartOrIndex() {
        Manifest previous = manifest(Manifest.UNSIGNED);
        Path base = tmp.resolve("previous.tar.zst");
        WrittenBundle written = BundleWriter.unsigned().withPartSize(4096).write(previous,
                TestManifests.source(contents), base);
        List<Path> files = written.files();
        assertTrue(files.size() >= 3, "expected at least two parts and an index, got " + files);

        for (Path given : List.of(base, files.get(0), files.get(files.size() - 1))) {
            IncrementalPlan plan = SinceBundle.plan(given);
            assertAll(given.getFileName().toString(),
                    () -> assertEquals(previous.id(), plan.parent()),
                    () -> assertEquals(8, plan.sequence()),
                    () -> assertEquals(contents.keySet(), plan.shipped().keySet()));
        }
    }

    @Test
    void signedBundleIsReadWithoutATrustStore() {
        Manifest previous = manifest(SshSigSigner.SCHEME);
        Path bundle = tmp.resolve("signed.tar.zst");
        BundleWriter.signedBy(new SshSigSigner(KeyPairs.generate("since test"))).write(previous,
                TestManifests.source(contents), bundle);

        assertEquals(previous.id(), SinceBundle.plan(bundle).parent());
    }

    @Test
    void manifestThatDoesNotMatchItsIdIsRefused() throws Exception {
        Path bundle = tmp.resolve("previous.tar.gz");
        BundleWriter.unsigned().withCompression(Compression.GZIP).write(manifest(Manifest.UNSIGNED),
                TestManifests.source(contents), bundle);
        byte[] tar;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(bundle)))) {
            tar = in.readAllBytes();
        }
        String text = new String(tar, StandardCharsets.ISO_8859_1);
        // Same length, so the tar structure stays intact and only the manifest's content changes.
        String altered = text.replaceFirst("gosync test", "gosync TEST");
        assertTrue(!altered.equals(text), "the tool name should be in the manifest");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(altered.getBytes(StandardCharsets.ISO_8859_1));
        }
        Files.write(bundle, gz.toByteArray());

        ManifestException e = assertThrows(ManifestException.class, () -> SinceBundle.plan(bundle));

        assertTrue(e.getMessage().contains("id"), e.getMessage());
    }

    @Test
    void fileThatIsNotABundleIsRefused() throws Exception {
        Path notABundle = tmp.resolve("notes.txt");
        Files.writeString(notABundle, "not a bundle");

        BundleException e = assertThrows(BundleException.class, () -> SinceBundle.plan(notABundle));

        assertEquals(BundleException.Problem.NOT_A_BUNDLE, e.problem());
    }

    private Manifest manifest(String signature) {
        Manifest.Builder builder = Manifest.builder().channel("stable").sequence(7).parent(PREVIOUS)
                .created(TestManifests.CREATED).tool("gosync test").signature(signature);
        contents.forEach((path, content) -> builder.file(row(path, content)));
        return builder.build();
    }
}
