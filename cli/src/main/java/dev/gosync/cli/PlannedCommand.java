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

    @Command(name = "verify", description = "Check a bundle's signature and contents, or a mirror against its index, read-only.")
    static final class Verify extends PlannedCommand {
        Verify() {
            super("verifying bundles and mirrors");
        }
    }

    @Command(name = "import", description = "Verify bundles and import them atomically into a mirror directory (isolated side).")
    static final class Import extends PlannedCommand {
        Import() {
            super("importing bundles");
        }
    }

    @Command(name = "serve", description = "Serve a mirror directory over HTTP with the GOPROXY protocol.")
    static final class Serve extends PlannedCommand {
        Serve() {
            super("serving mirrors");
        }
    }

    @Command(name = "log", description = "Show a mirror's audit log of imported bundles.")
    static final class Log extends PlannedCommand {
        Log() {
            super("the audit log");
        }
    }
}
