package dev.gosync.agent.cache;

import dev.gosync.gomod.GosyncException;

/** A module file could not be fetched into, or read from, the download cache. */
public class DownloadException extends GosyncException {
    public DownloadException(String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
    }
}
