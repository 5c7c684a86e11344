package dev.gosync.serve.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.store.StoredFile;
import dev.gosync.serve.testing.ModuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the next import does with a bundle left in state publishing by a crash: complete it when
 * all its files reached the mirror, discard it when they did not. (The crash test reaches these
 * states by killing processes; here each is set up exactly.)
 */
class MirrorRecoveryTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ID = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;

    private ImportRecord record(ModuleFiles files) {
        List<StoredFile> stored = new ArrayList<>();
        files.rows().forEach(r -> stored.add(new StoredFile(r.path(), r.size(), r.sha256(), r.h1())));
        return new ImportRecord(ID, "stable", 1, null, T, "SHA256:key", List.of("alice"), "gosync test", "b.tar.zst",
                stored, T, "op", List.of(), true);
    }

    @Test
    void aPublishingBundleWhoseFilesAllArrivedIsCompleted() throws IOException {
        ModuleFiles files = new ModuleFiles().module("example.com/a", "v1.0.0");
        try (Mirror mirror = Mirror.open(tmp.resolve("m"), true)) {
            mirror.index().beginPublishing(record(files));
            for (var f : files.files().entrySet()) {
                Path target = mirror.root().resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            assertEquals(List.of(ID), mirror.index().publishing());

            mirror.lockForImport(() -> { }, Clock.systemUTC(), "next").close();

            assertTrue(mirror.index().imported(ID));
            assertEquals(3, mirror.index().bundle(ID).orElseThrow().newFiles());
            assertEquals("SHA256:key", mirror.index().head("stable", "SHA256:key").orElseThrow().signer());
            List<AuditEvent> events = mirror.index().events();
            assertEquals(AuditEvent.RECOVERED, events.get(events.size() - 1).action());
        }
    }

    @Test
    void aPublishingBundleWhoseFilesDidNotArriveIsDiscarded() {
        ModuleFiles files = new ModuleFiles().module("example.com/a", "v1.0.0");
        try (Mirror mirror = Mirror.open(tmp.resolve("m"), true)) {
            mirror.index().beginPublishing(record(files));

            mirror.lockForImport(() -> { }, Clock.systemUTC(), "next").close();

            assertTrue(mirror.index().bundle(ID).isEmpty());
            assertTrue(mirror.index().bundleFiles(ID).isEmpty());
            assertFalse(mirror.index().head("stable", "SHA256:key").isPresent());
            List<AuditEvent> events = mirror.index().events();
            assertEquals(AuditEvent.DISCARDED, events.get(events.size() - 1).action());
            assertTrue(events.get(events.size() - 1).detail().contains("import the bundle again"));
        }
    }

    @Test
    void completingTwiceDoesNothingTheSecondTime() {
        try (Mirror mirror = Mirror.open(tmp.resolve("m"), true)) {
            mirror.index().beginPublishing(record(new ModuleFiles()));
            assertTrue(mirror.index().complete(ID, T, "op", AuditEvent.IMPORTED));
            assertFalse(mirror.index().complete(ID, T, "op", AuditEvent.RECOVERED));
            assertEquals(1, mirror.index().events().size());
        }
    }
}
