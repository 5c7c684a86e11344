package dev.gosync.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Subcommands that are part of gosync's plan but not built yet. They are listed in the help so
 * the command line has its final shape, and each says plainly that it cannot run yet.
 */
abstract class PlannedCommand implements Callable<Integer> {
    @Parameters(hidden = true)
    List<String> ignored;

    private final String what;

    PlannedCommand(String what) {
        this.what = what;
    }

    @Override
    public Integer call() {
        throw new NotImplementedException("not implemented in this build yet: " + what);
    }

    @Command(name = "vendor", description = "Write vendor/ exactly as 'go mod vendor' would, from a mirror.")
    static final class Vendor extends PlannedCommand {
        Vendor() {
            super("vendoring");
        }
    }
}
