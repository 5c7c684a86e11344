package dev.gosync.serve.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.serve.importer.ImportListener;
import dev.gosync.serve.importer.ImportOptions;
import dev.gosync.serve.importer.Importer;
import dev.gosync.serve.testing.ModuleFiles;
import dev.gosync.serve.testing.Signers;
import dev.gosync.serve.testing.TestBundle;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --mirror}: every way a mirror can drift from its index is found and named. */
class MirrorCheckTest {
    @TempDir
    Path tmp;
    Mirror mirror;

    @BeforeEach
    void importedMirror() {
        Ed25519KeyPair alice = Signers.key("alice");
        Path trust = Signers.trustStore(tmp.resolve("allowed_signers"), alice);
        TestBundle.of(new ModuleFiles().module("example.com/a", "v1.0.0").module("example.com/a", "v1.1.0"))
                .write(tmp.resolve("b.tar.zst"), alice);
        mirror = Mirror.open(tmp.resolve("mirror"), true);
        new Importer(mirror, ImportOptions.of(BundleTrust.load(Optional.of(trust), TrustOverrides.NONE)))
                .importBundle(tmp.resolve("b.tar.zst"), ImportListener.NONE);
    }

    @AfterEach
    void close() {
        mirror.close();
    }

    private List<String> problems() {
        return MirrorCheck.run(mirror, p -> { }).problems();
    }

    private Path file(String path) {
        Path f = mirror.root().resolve(path);
        f.toFile().setWritable(true);
        return f;
    }

    @Test
    void anUntouchedMirrorIsIntact() {
        MirrorCheck.Report report = MirrorCheck.run(mirror, p -> { });
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(6, report.files());
    }

    @Test
    void bitRotIsFound() throws IOException {
        Path zip = file("example.com/a/@v/v1.0.0.zip");
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(zip, bytes);
        List<String> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("example.com/a/@v/v1.0.0.zip: changed: "), problems.get(0));
    }

    @Test
    void aMissingFileIsFound() throws IOException {
        Files.delete(file("example.com/a/@v/v1.1.0.info"));
        assertEquals(List.of("example.com/a/@v/v1.1.0.info: missing (the index has it from bundle "
                + mirror.index().bundles().get(0).id() + ")"), problems());
    }

    @Test
    void aFileNoImportBroughtIsFound() throws IOException {
        Files.writeString(mirror.root().resolve("example.com/a/@v/v1.2.0.info"), "{\"Version\":\"v1.2.0\"}");
        Files.writeString(mirror.root().resolve("example.com/a/stray.txt"), "x");
        assertEquals(List.of("example.com/a/@v/v1.2.0.info: not in the index (no import brought it)",
                "example.com/a/stray.txt: not a file of the GOPROXY layout"), problems());
    }

    @Test
    void anInterruptedImportIsNamedOnceWithWhatSettlesIt() throws IOException {
        ModuleFiles half = new ModuleFiles().module("example.com/b", "v1.0.0");
        List<dev.gosync.gomod.store.StoredFile> stored = half.rows().stream()
                .map(r -> new dev.gosync.gomod.store.StoredFile(r.path(), r.size(), r.sha256(), r.h1())).toList();
        String id = "fedcba9876543210fedcba9876543210";
        mirror.index().beginPublishing(new ImportRecord(id, "default", 1, null, java.time.Instant.EPOCH, "unsigned",
                List.of(), "test", "half.tar.zst", stored, java.time.Instant.EPOCH, "op", List.of(), true));
        String zip = "example.com/b/@v/v1.0.0.zip";
        Files.createDirectories(mirror.root().resolve(zip).getParent());
        Files.write(mirror.root().resolve(zip), half.content(zip));
        assertEquals(List.of("bundle " + id + ": its import was interrupted; the next gosync import into this mirror "
                + "completes it or discards it"), problems());
    }

    @Test
    void aVersionListThatDisagreesWithTheModFilesIsFound() throws IOException {
        Files.writeString(file("example.com/a/@v/list"), "v1.0.0\n");
        List<String> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("expected v1.0.0 v1.1.0"), problems.get(0));
    }
}
