package dev.gosync.agent.proxy;

import dev.gosync.gomod.GosyncException;

/**
 * A request reached {@code direct} (fetching from version control), which this source cannot
 * serve. Not a not-found: a chain does not fall through it, just as the go command stops at
 * {@code direct}.
 */
public class DirectModeUnavailableException extends GosyncException {
    public DirectModeUnavailableException(String subject) {
        super(subject + ": direct mode (fetching from version control) is not available here",
                "list a module proxy before direct in GOPROXY, or pass --proxy <url>; a module matching GONOPROXY or "
                        + "GOPRIVATE never goes through a proxy, so take it out of those patterns to fetch it from one");
    }
}
