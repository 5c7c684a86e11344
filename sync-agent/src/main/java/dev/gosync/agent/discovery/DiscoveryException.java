package dev.gosync.agent.discovery;

import dev.gosync.gomod.store.ModuleNotFoundException;

/**
 * No repository could be found for a module path. Like the go command, direct mode treats this
 * as "not found": a later entry of the proxy list may still have the module.
 */
public class DiscoveryException extends ModuleNotFoundException {
    public DiscoveryException(String message, String remedy) {
        super(message, remedy);
    }
}
