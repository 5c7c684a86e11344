package dev.gosync.gomod;

/**
 * The root of every error gosync reports to its user. The message says what went wrong and
 * names the module, version and file involved; {@link #remedy()} says what to do about it.
 * The command line prints both, and a stack trace only with {@code --debug}.
 */
public class GosyncException extends RuntimeException {
    private final String remedy;

    public GosyncException(String message) {
        this(message, null, null);
    }

    public GosyncException(String message, String remedy) {
        this(message, remedy, null);
    }

    public GosyncException(String message, String remedy, Throwable cause) {
        super(message, cause);
        this.remedy = remedy;
    }

    /** What the user can do about it, or null when there is nothing useful to say. */
    public String remedy() {
        return remedy;
    }
}
