package dev.gosync.bundle.manifest;

import java.util.Optional;

/**
 * The rules every file path in a bundle obeys, whether it comes from a manifest row or a tar
 * entry: relative, slash-separated, printable ASCII without spaces or backslashes, no empty,
 * {@code .} or {@code ..} element. A path that passes cannot leave the directory it is
 * extracted into on any platform we run on. GOPROXY-layout rules (module path escaping,
 * {@code @v} files) are stricter still and are checked by the callers that know the layout.
 *
 * <p>The directory {@value #RESERVED_DIRECTORY} holds the bundle's own manifest and signature;
 * no file row may live there. A leading dot makes it impossible as a Go module path element, so
 * no module file can collide with it.
 */
public final class BundlePath {
    /** Directory of the bundle's own entries (manifest, signature). */
    public static final String RESERVED_DIRECTORY = ".gosync-bundle";
    /** Longest accepted path, in characters; far beyond any real GOPROXY path, but bounded. */
    public static final int MAX_LENGTH = 4096;

    private BundlePath() {
    }

    /** Returns {@code path} if it is a valid file row path, else throws naming the broken rule. */
    public static String check(String path) {
        Optional<String> problem = problem(path);
        if (problem.isPresent()) {
            throw new ManifestException("invalid bundle path " + quote(path) + ": " + problem.get());
        }
        if (isReserved(path)) {
            throw new ManifestException("invalid bundle path " + quote(path) + ": the directory "
                    + RESERVED_DIRECTORY + "/ is reserved for the bundle's manifest and signature");
        }
        return path;
    }

    /** Why {@code path} breaks the structural rules, or empty when it does not. */
    public static Optional<String> problem(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.of("the path is empty");
        }
        if (path.length() > MAX_LENGTH) {
            return Optional.of("the path is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return Optional.of(String.format("character U+%04X at offset %d is not printable ASCII "
                        + "(spaces and control characters are not allowed either)", (int) c, i));
            }
            if (c == '\\') {
                return Optional.of("backslashes are not allowed (a path separator on Windows)");
            }
        }
        if (path.startsWith("/")) {
            return Optional.of("the path is absolute");
        }
        for (String element : path.split("/", -1)) {
            if (element.isEmpty()) {
                return Optional.of("the path has an empty element (\"//\" or a trailing \"/\")");
            }
            if (element.equals(".") || element.equals("..")) {
                return Optional.of("the path has a \"" + element + "\" element");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code path} lies in the {@value #RESERVED_DIRECTORY} directory. */
    public static boolean isReserved(String path) {
        return path.equals(RESERVED_DIRECTORY) || path.startsWith(RESERVED_DIRECTORY + "/");
    }

    /** {@code path} in double quotes with anything unprintable escaped, for messages. */
    public static String quote(String path) {
        if (path == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder("\"");
        int shown = Math.min(path.length(), 200);
        for (int i = 0; i < shown; i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (shown < path.length()) {
            b.append("...");
        }
        return b.append('"').toString();
    }
}
