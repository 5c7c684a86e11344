package dev.gosync.serve.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Request paths already accepted by {@link dev.gosync.gomod.module.ProxyLayout#parse}, with
 * their parse. A path is remembered before the access check and whether or not the mirror holds
 * the module, so a client can fill this cache with valid paths of its own invention: what bounds
 * it is the number of entries and the characters they hold, never the mirror's vocabulary.
 * Paths longer than {@link #MAX_PATH_CHARS} are not kept at all (real module paths are far
 * shorter; parsing a rare long one again costs little). When a path would not fit, the cache
 * starts over: a hit rate, not a guarantee.
 */
final class ValidPaths {
    /** Longest path kept. */
    static final int MAX_PATH_CHARS = 256;
    /** At most this many paths. */
    static final int MAX_ENTRIES = 50_000;
    /** At most this many characters over all kept paths (each is held about twice: the path and its parse). */
    static final long MAX_TOTAL_CHARS = 2_000_000;

    private final ConcurrentHashMap<String, RequestTarget.Module> paths = new ConcurrentHashMap<>();
    /** Characters of the paths in the map; guarded by this, like every change to the map. */
    private long totalChars;

    RequestTarget.Module get(String relative) {
        return paths.get(relative);
    }

    /** Remembers module's path, unless it is too long to be worth it. Lookups stay lock-free; only misses take the lock. */
    synchronized void put(RequestTarget.Module module) {
        String relative = module.relative();
        int length = relative.length();
        if (length > MAX_PATH_CHARS || paths.containsKey(relative)) {
            return;
        }
        if (paths.size() >= MAX_ENTRIES || totalChars + length > MAX_TOTAL_CHARS) {
            paths.clear();
            totalChars = 0;
        }
        paths.put(relative, module);
        totalChars += length;
    }

    /** The number of paths kept. */
    int size() {
        return paths.size();
    }

    /** The characters of all paths kept, never above {@link #MAX_TOTAL_CHARS}. */
    synchronized long retainedChars() {
        return totalChars;
    }
}
