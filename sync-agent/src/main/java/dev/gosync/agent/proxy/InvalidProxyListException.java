package dev.gosync.agent.proxy;

import dev.gosync.gomod.GosyncException;

/** A GOPROXY value the go command would refuse, or a proxy URL it would refuse. */
public class InvalidProxyListException extends GosyncException {
    public InvalidProxyListException(String message) {
        super(message, "write GOPROXY as https://, http:// or file:/// URLs and the words direct and off, "
                + "separated by ',' (fall back when a module is not found) or '|' (fall back on any error)");
    }
}
