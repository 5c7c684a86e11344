package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void helpListsEverySubcommand() {
        CliRun run = CliRun.of("--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        for (String sub : new String[] {"quickstart", "export", "verify", "import", "serve", "vendor", "log", "mod"}) {
            assertTrue(run.out().contains(sub), "help should list " + sub + ":\n" + run.out());
        }
    }

    @Test
    void versionNamesTheBuild() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().startsWith("gosync 0."), run.out());
    }

    @Test
    void unknownFlagIsAUsageError() {
        CliRun run = CliRun.of("mod", "fmt", "--no-such-flag", "go.mod");
        assertEquals(ExitCodes.USAGE, run.exitCode());
    }
}
