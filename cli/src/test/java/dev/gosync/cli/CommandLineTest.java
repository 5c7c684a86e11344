package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
    void everySubcommandHasHelp() {
        List<List<String>> commands = new ArrayList<>();
        collect(GosyncCommand.commandLine(), List.of(), commands);
        assertTrue(commands.size() > 8, commands.toString());
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, run.exitCode(), args + ":\n" + run.err());
            assertTrue(run.out().contains("Usage: gosync " + String.join(" ", command)), args + ":\n" + run.out());
        }
    }

    private static void collect(CommandLine parent, List<String> prefix, List<List<String>> into) {
        for (var entry : parent.getSubcommands().entrySet()) {
            if (entry.getValue().getCommandSpec().usageMessage().hidden() || entry.getKey().equals("help")) {
                continue;
            }
            List<String> command = new ArrayList<>(prefix);
            command.add(entry.getKey());
            into.add(command);
            collect(entry.getValue(), command, into);
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
