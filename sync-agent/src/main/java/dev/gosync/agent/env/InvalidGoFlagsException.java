package dev.gosync.agent.env;

import dev.gosync.gomod.GosyncException;

/** GOFLAGS is not a list of flags the way the go command splits it. */
public class InvalidGoFlagsException extends GosyncException {
    public InvalidGoFlagsException(String problem) {
        super("parsing $GOFLAGS: " + problem, "write GOFLAGS as space-separated -flag or -flag=value words; "
                + "quote a whole word ('-tags=a b') to keep spaces in it");
    }
}
