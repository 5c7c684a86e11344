package dev.gosync.cli;

import dev.gosync.cli.quickstart.Quickstart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "quickstart", mixinStandardHelpOptions = true, description = "Run gosync end to end on the bundled fixture project.")
final class QuickstartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workdir", paramLabel = "DIR",
            description = "Where to build the fixtures and write results (default: a new temporary directory).")
    Path workDir;

    @Override
    public Integer call() throws IOException {
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("gosync-quickstart-");
        if (workDir != null && !isEmpty(dir)) {
            throw new dev.gosync.gomod.GosyncException("--workdir " + dir + " is not empty",
                    "name a new or empty directory");
        }
        spec.commandLine().getOut().println("gosync quickstart in " + dir);
        new Quickstart(dir, spec.commandLine().getOut()).run();
        spec.commandLine().getOut().printf("%nDone. Everything is in %s%n", dir);
        return ExitCodes.OK;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
