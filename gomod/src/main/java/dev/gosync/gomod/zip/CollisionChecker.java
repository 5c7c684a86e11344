package dev.gosync.gomod.zip;

import dev.gosync.gomod.GoPaths;
import dev.gosync.gomod.GoStrings;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds names that would clash on a case-insensitive file system, names used both for a file and
 * a directory, and files listed twice. Each name registers its parent directories too, so
 * {@code A/x} and {@code a/y} clash through {@code A} and {@code a}.
 */
final class CollisionChecker {
    private record Seen(String path, boolean isDir) {
    }

    private final Map<String, Seen> byFold = new HashMap<>();

    /** Registers a clean path; returns why it clashes with an earlier one, or null. */
    String check(String path, boolean isDir) {
        String p = path;
        boolean dir = isDir;
        while (true) {
            Seen other = byFold.putIfAbsent(CaseFold.fold(p), new Seen(p, dir));
            if (other != null) {
                if (!p.equals(other.path)) {
                    return "case-insensitive file name collision: " + GoStrings.quote(other.path) + " and " + GoStrings.quote(p);
                }
                if (dir != other.isDir) {
                    return "entry " + GoStrings.quote(p) + " is both a file and a directory";
                }
                if (!dir) {
                    return "multiple entries for file " + GoStrings.quote(p);
                }
                // A directory seen again is expected: every file below it registers it.
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return null;
            }
            p = GoPaths.clean(p.substring(0, slash));
            dir = true;
        }
    }
}
