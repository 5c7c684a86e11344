package dev.gosync.cli;

import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code gosync} command: global options and the list of subcommands. */
@Command(
        name = "gosync",
        mixinStandardHelpOptions = true,
        versionProvider = GosyncCommand.Version.class,
        description = "Carries Go modules into networks with no internet access.%n",
        subcommands = {
            QuickstartCommand.class,
            ExportCommand.class,
            KeygenCommand.class,
            VerifyCommand.class,
            ImportCommand.class,
            ServeCommand.class,
            VendorCommand.class,
            LogCommand.class,
            ModCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 success, 1 refused or failed, 2 usage error, 3 not implemented yet, 70 internal error."
        })
public final class GosyncCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: errors become one clear message and a documented exit code. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GosyncCommand());
        cl.setExecutionExceptionHandler(GosyncCommand::handle);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = ((GosyncCommand) cl.getCommandSpec().root().userObject()).debug;
        if (e instanceof GosyncException ge) {
            err.println("gosync " + cl.getCommandName() + ": " + ge.getMessage());
            if (ge.remedy() != null) {
                err.println("  remedy: " + ge.remedy());
            }
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitCodes.FAILED;
        }
        err.println("gosync " + cl.getCommandName() + ": internal error: " + e);
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println("  rerun with --debug for the stack trace, and please report it");
        }
        return ExitCodes.INTERNAL;
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gosync " + version()};
        }
    }

    public static String version() {
        try (InputStream in = GosyncCommand.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
