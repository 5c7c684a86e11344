package dev.gosync.agent.env;

import dev.gosync.gomod.GosyncException;

/** Neither the environment nor the go command names a module proxy, and gosync has no default of its own. */
public class GoproxyNotSetException extends GosyncException {
    public GoproxyNotSetException() {
        super("GOPROXY is not set: neither the environment nor `go env` names a module proxy",
                "set GOPROXY (for example GOPROXY=https://<your module proxy>,direct) or pass --proxy <url>");
    }
}
