package dev.gosync.gomod;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Slash-separated paths treated the way Go's {@code path} package treats them. Module zips and
 * h1 hashes name files this way whatever the host operating system, so these rules must not
 * depend on {@link java.nio.file.Path}.
 */
public final class GoPaths {
    private GoPaths() {
    }

    /**
     * The shortest path equal to p by purely lexical processing, as Go's {@code path.Clean}:
     * repeated slashes collapse, {@code .} elements vanish, {@code ..} removes the element before it
     * (or vanishes at the root of a rooted path), a trailing slash goes, and "" becomes ".".
     */
    public static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.charAt(0) == '/';
        Deque<String> kept = new ArrayDeque<>();
        // Leading ".." elements of a relative path cannot be resolved and must stay.
        int unresolvable = 0;
        for (String elem : p.split("/", -1)) {
            if (elem.isEmpty() || elem.equals(".")) {
                continue;
            }
            if (!elem.equals("..")) {
                kept.addLast(elem);
            } else if (kept.size() > unresolvable) {
                kept.removeLast();
            } else if (!rooted) {
                kept.addLast(elem);
                unresolvable++;
            }
        }
        String joined = String.join("/", kept);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
