package dev.gosync.cli;

/** Exit codes of every gosync command; the README documents them. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command refused or failed; the message says why and what to do. */
    public static final int FAILED = 1;
    /** The command line itself was wrong (unknown flag, missing argument). */
    public static final int USAGE = 2;
    /** A bug in gosync: an unexpected exception. Rerun with --debug and report it. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
