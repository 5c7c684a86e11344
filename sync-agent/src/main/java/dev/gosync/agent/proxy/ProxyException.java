package dev.gosync.agent.proxy;

import dev.gosync.gomod.GosyncException;

/**
 * A proxy failed to answer, or answered with something other than the file or a not-found: an
 * unexpected HTTP status, a transport error or timeout, a malformed or mismatched answer. The
 * message names the module, the URL (credentials redacted), the status and the server's own
 * explanation when it sent a text/plain one.
 */
public class ProxyException extends GosyncException {
    private final String url;
    private final int status;
    private final int attempts;

    public ProxyException(String message, String remedy, String url, int status, int attempts, Throwable cause) {
        super(message, remedy, cause);
        this.url = url;
        this.status = status;
        this.attempts = attempts;
    }

    /** The URL asked, without credentials. */
    public String url() {
        return url;
    }

    /**
     * The HTTP status of the last answer (200 when the answer itself was wrong), or 0 when there
     * was none: a transport error, a timeout, a failure while reading the body.
     */
    public int status() {
        return status;
    }

    /** How many times the request was sent before giving up. */
    public int attempts() {
        return attempts;
    }
}
