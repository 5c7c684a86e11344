package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, run in-process. */
class QuickstartCommandTest {
    @TempDir
    Path tmp;

    @Test
    void quickstartRunsTheWholeMissionAndTheGoCommandBuildsOfflineFromTheServedMirrorAndFromVendor() {
        GoToolchain.require();
        CliRun run = CliRun.of("quickstart", "--workdir", tmp.resolve("qs").toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("all hashes equal go.sum"), run.out());
        assertTrue(run.out().contains("wrote bundle"), run.out());
        assertTrue(run.out().contains("gosync: signed by quickstart"), run.out());
        assertTrue(run.out().contains("already imported, nothing changed"), run.out());
        assertTrue(run.out().contains("GOFLAGS=-mod=vendor go build ./...  -> exit 0"), run.out());
        assertTrue(run.out().contains("go test ./...  -> exit 0"), run.out());
        assertTrue(Files.isRegularFile(tmp.resolve("qs/mirror/github.com/gosync-fixtures/!upper!case/@v/v1.0.0.zip")));
    }

    @Test
    void quickstartRefusesANonEmptyWorkdir() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("keep.txt"), "mine");

        CliRun run = CliRun.of("quickstart", "--workdir", dir.toString());

        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.err().contains("not empty"), run.err());
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
    }
}
