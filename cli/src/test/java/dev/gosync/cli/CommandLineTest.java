package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @Test
    void helpListsEveryPlannedSubcommand() {
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

    @ParameterizedTest
    @ValueSource(strings = {"verify", "import", "serve", "log"})
    void plannedSubcommandsSayTheyAreNotImplementedAndExitThree(String sub) {
        CliRun run = CliRun.of(sub);
        assertEquals(ExitCodes.NOT_IMPLEMENTED, run.exitCode());
        assertTrue(run.err().contains("not implemented"), run.err());
    }

    @Test
    void unknownFlagIsAUsageError() {
        CliRun run = CliRun.of("mod", "fmt", "--no-such-flag", "go.mod");
        assertEquals(ExitCodes.USAGE, run.exitCode());
    }
}
