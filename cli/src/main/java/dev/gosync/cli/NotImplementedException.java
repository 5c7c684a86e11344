package dev.gosync.cli;

/** A planned subcommand that this build does not have yet; exits with {@link ExitCodes#NOT_IMPLEMENTED}. */
final class NotImplementedException extends RuntimeException {
    NotImplementedException(String message) {
        super(message);
    }
}
