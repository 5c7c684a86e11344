package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.cache.CachedFile;
import dev.gosync.agent.export.ExportInput;
import dev.gosync.agent.export.ExportListener.Phase;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExportProgressTest {
    private static final ModuleVersion DEP = new ModuleVersion("example.com/dep", "v1.0.0");

    private static String run(boolean terminal) {
        StringWriter text = new StringWriter();
        ExportProgress progress = new ExportProgress(new PrintWriter(text), terminal);
        progress.phase(Phase.RESOLVE);
        progress.resolved(new ExportInput.Project(Path.of("/src/app")), 1);
        progress.planned(1, 2, 1);
        progress.phase(Phase.FETCH);
        progress.received(2048);
        progress.ready(file(LayoutPath.Kind.MOD, false));
        progress.ready(file(LayoutPath.Kind.ZIP, true));
        progress.phase(Phase.WRITE);
        progress.finish();
        return text.toString();
    }

    private static CachedFile file(LayoutPath.Kind kind, boolean downloaded) {
        return new CachedFile(DEP, kind, "example.com/dep/@v/v1.0.0" + kind.suffix(), Path.of("/cache"), 2048,
                "0".repeat(64), null, downloaded);
    }

    @Test
    void withoutATerminalEachStepAndDownloadIsALogLine() {
        String log = run(false);
        assertFalse(log.contains("\r"), log);
        assertEquals("""
                resolving the module graph
                resolved /src/app: 1 module versions
                plan: 1 module versions, 2 files, 1 already cached
                fetching 2 files
                fetched example.com/dep@v1.0.0 .zip (2.0 KiB)
                writing the bundle
                """, log.replace(System.lineSeparator(), "\n"));
    }

    @Test
    void onATerminalFetchingRedrawsOneLineWithCountsAndRate() {
        String screen = run(true);
        assertTrue(screen.contains("\r1 modules, 2/2 files, 2.0 KiB fetched, "), screen);
        assertTrue(screen.endsWith("writing the bundle" + System.lineSeparator()), screen);
    }
}
