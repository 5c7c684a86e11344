package dev.gosync.serve.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Request paths already accepted by {@link dev.gosync.gomod.module.ProxyLayout#parse}, with
 * their parse. Only valid paths are kept, so random hostile paths cannot fill it with junk
 * beyond the mirror's own vocabulary; when full it starts over (a hit rate, not a guarantee).
 */
final class ValidPaths {
    private static final int MAX_ENTRIES = 200_000;

    private final ConcurrentHashMap<String, RequestTarget.Module> paths = new ConcurrentHashMap<>();

    RequestTarget.Module get(String relative) {
        return paths.get(relative);
    }

    void put(RequestTarget.Module module) {
        if (paths.size() >= MAX_ENTRIES) {
            paths.clear();
        }
        paths.put(module.relative(), module);
    }
}
