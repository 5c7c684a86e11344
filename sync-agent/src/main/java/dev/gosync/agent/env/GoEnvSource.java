package dev.gosync.agent.env;

import java.util.Map;

/**
 * Where the settings come from that the process environment leaves unset: normally the go
 * command's own view ({@link GoEnvCommand}), in tests a fixed map.
 */
@FunctionalInterface
public interface GoEnvSource {
    /** No second source: unset means unset. */
    GoEnvSource NONE = Map::of;

    /** Every setting the source knows, by variable name; empty values count as unset. */
    Map<String, String> read();
}
