package dev.gosync.cli;

import picocli.CommandLine;

/** Entry point of the {@code gosync} launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(GosyncCommand.commandLine().execute(args));
    }
}
