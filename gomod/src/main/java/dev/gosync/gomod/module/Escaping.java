package dev.gosync.gomod.module;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.semver.InvalidVersionException;

/**
 * The case encoding of module paths and versions in file names and proxy URLs: every upper-case
 * ASCII letter becomes {@code !} and its lower-case form ({@code github.com/Azure} →
 * {@code github.com/!azure}), so that names stay distinct on case-insensitive file systems.
 * Module paths are ASCII-only and never contain {@code !}, which makes the encoding reversible.
 */
public final class Escaping {
    private Escaping() {
    }

    /**
     * The escaped form of a module path.
     *
     * @throws InvalidPathException if the path is not a valid module path
     */
    public static String escapePath(String path) {
        ModulePath.checkPath(path);
        return escape(path);
    }

    /**
     * The escaped form of a version. Any version that is a valid file-name element of ASCII
     * characters other than {@code !} can be escaped, including non-semantic ones such as branch
     * names.
     *
     * @throws InvalidVersionException if the version cannot be a file name
     */
    public static String escapeVersion(String v) {
        // x/mod admits non-ASCII letters here and then fails inside its encoder; refuse them up front.
        if (ModulePath.elementProblem(v, PathKind.FILE) != null || v.chars().anyMatch(c -> c == '!' || c >= 0x80)) {
            throw new InvalidVersionException(v, false, "disallowed version string");
        }
        return escape(v);
    }

    /**
     * The module path an escaped path stands for.
     *
     * @throws InvalidPathException if the escaping is malformed (an upper-case letter, a
     *     {@code !} not followed by a lower-case letter, non-ASCII) or the result is no valid module path
     */
    public static String unescapePath(String escaped) {
        String path = unescape(escaped);
        String prefix = "invalid escaped module path " + GoStrings.quote(escaped);
        if (path == null) {
            throw new InvalidPathException(PathKind.MODULE, escaped, prefix);
        }
        try {
            ModulePath.checkPath(path);
        } catch (InvalidPathException e) {
            throw new InvalidPathException(PathKind.MODULE, escaped, prefix + ": " + e.getMessage());
        }
        return path;
    }

    /**
     * The version an escaped version stands for.
     *
     * @throws InvalidVersionException if the escaping is malformed or the result cannot be a file name
     */
    public static String unescapeVersion(String escaped) {
        String v = unescape(escaped);
        if (v == null) {
            throw new InvalidVersionException(escaped, "invalid escaped version " + GoStrings.quote(escaped), null);
        }
        String problem = ModulePath.elementProblem(v, PathKind.FILE);
        if (problem != null) {
            throw new InvalidVersionException(escaped,
                    "invalid escaped version " + GoStrings.quote(v) + ": " + problem, null);
        }
        return v;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append('!').append((char) (c - 'A' + 'a'));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The unescaped string, or null when the escaping is malformed. */
    private static String unescape(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        boolean bang = false;
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (bang && !(c >= 'a' && c <= 'z'))) {
                return null;
            }
            if (bang) {
                out.append((char) (c - 'a' + 'A'));
                bang = false;
            } else if (c == '!') {
                bang = true;
            } else {
                out.append(c);
            }
        }
        return bang ? null : out.toString();
    }
}
