package dev.gosync.bundle.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.testing.TestBundles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private static final String SHA = "0".repeat(64);

    private static Manifest.Builder minimal() {
        return Manifest.builder().channel("stable").sequence(1).created(TestBundles.CREATED).tool("gosync test");
    }

    @Test
    void builderSortsFilesByPathAndDerivesTheId() {
        Manifest m = minimal()
                .file(new FileRow("b/x", 1, SHA, null))
                .file(new FileRow("a/y", 2, SHA, null))
                .build();
        assertEquals(List.of("a/y", "b/x"), m.files().stream().map(FileRow::path).toList());
        assertEquals(ManifestCodec.bundleId(m), m.id());
        assertEquals(3, m.totalSize());
    }

    @Test
    void duplicatePathsAreRefused() {
        ManifestException e = assertThrows(ManifestException.class, () -> minimal()
                .file(new FileRow("a", 1, SHA, null)).file(new FileRow("a", 2, SHA, null)).build());
        assertTrue(e.getMessage().contains("duplicate file a"), e.getMessage());
    }

    @Test
    void aPathThatIsBothFileAndDirectoryIsRefused() {
        ManifestException e = assertThrows(ManifestException.class, () -> minimal()
                .file(new FileRow("a", 1, SHA, null)).file(new FileRow("a-b", 1, SHA, null))
                .file(new FileRow("a/b", 1, SHA, null)).build());
        assertTrue(e.getMessage().contains("a is a file and also the directory of a/b"), e.getMessage());
    }

    @Test
    void unsortedFilesAreRefusedByTheConstructor() {
        ManifestException e = assertThrows(ManifestException.class, () -> new Manifest(1, "0".repeat(32), "c", 0, null,
                TestBundles.CREATED, "t", Manifest.UNSIGNED, List.of(),
                List.of(new FileRow("b", 1, SHA, null), new FileRow("a", 1, SHA, null))));
        assertTrue(e.getMessage().contains("not sorted"), e.getMessage());
    }

    @Test
    void sourcesWithCredentialsAreRefused() {
        ManifestException e = assertThrows(ManifestException.class,
                () -> minimal().sources(List.of("https://user:hunter2@proxy.example.com")).build());
        assertTrue(e.getMessage().contains("carries credentials"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2"), "the error must not repeat the secret: " + e.getMessage());
    }

    @Test
    void createdTimeMustBeWholeSecondsThatATarHeaderHolds() {
        assertThrows(ManifestException.class, () -> minimal().created(Instant.parse("2024-01-01T00:00:00.5Z")).build());
        assertThrows(ManifestException.class, () -> minimal().created(Instant.parse("1969-12-31T23:59:59Z")).build());
        assertThrows(ManifestException.class, () -> minimal().created(Instant.ofEpochSecond(077777777777L + 1)).build());
        minimal().created(Instant.ofEpochSecond(077777777777L)).build();
    }

    @Test
    void fieldRulesAreEnforced() {
        assertThrows(ManifestException.class, () -> minimal().channel("").build());
        assertThrows(ManifestException.class, () -> minimal().channel("has space").build());
        assertThrows(ManifestException.class, () -> minimal().sequence(-1).build());
        assertThrows(ManifestException.class, () -> minimal().parent("not-an-id").build());
        assertThrows(ManifestException.class, () -> minimal().tool("").build());
        assertThrows(ManifestException.class, () -> minimal().tool("tab\there").build());
        assertThrows(ManifestException.class, () -> minimal().signature("SSHSIG").build());
    }

    @Test
    void fileRowRules() {
        assertThrows(ManifestException.class, () -> new FileRow("a", -1, SHA, null));
        assertThrows(ManifestException.class, () -> new FileRow("a", FileRow.MAX_SIZE + 1, SHA, null));
        assertThrows(ManifestException.class, () -> new FileRow("a", 1, "A".repeat(64), null));
        assertThrows(ManifestException.class, () -> new FileRow("a", 1, SHA.substring(1), null));
        String h1 = "h1:" + "A".repeat(43) + "=";
        assertEquals(h1, new FileRow("m/@v/v1.0.0.zip", 1, SHA, h1).h1());
        assertEquals(h1, new FileRow("m/@v/v1.0.0.mod", 1, SHA, h1).h1());
        ManifestException e = assertThrows(ManifestException.class, () -> new FileRow("m/@v/v1.0.0.info", 1, SHA, h1));
        assertTrue(e.getMessage().contains("only .zip and .mod"), e.getMessage());
        assertThrows(ManifestException.class, () -> new FileRow("m/@v/v1.0.0.zip", 1, SHA, "h1:short="));
    }
}
