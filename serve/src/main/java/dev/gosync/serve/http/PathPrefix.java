package dev.gosync.serve.http;

import dev.gosync.gomod.GosyncException;

/**
 * The URL path under which the GOPROXY protocol is served, so that a reverse proxy can forward a
 * sub-path ({@code https://host/goproxy/...}) to the mirror. Empty for the root.
 *
 * <p>A prefix is one or more path elements of URL-unreserved characters ({@code A-Z a-z 0-9 - . _ ~}),
 * none of them {@code .} or {@code ..}: it then needs no escaping, means the same before and after
 * percent-decoding, and cannot itself step out of the path syntax. It is matched against the
 * decoded request path, element by element: {@code /goproxyX/...} is outside {@code /goproxy}.
 *
 * @param value {@code ""} or a path like {@code /goproxy} (leading slash, no trailing slash)
 */
public record PathPrefix(String value) {
    public static final PathPrefix ROOT = new PathPrefix("");

    public PathPrefix {
        if (!value.isEmpty() && !isValid(value)) {
            throw invalid(value);
        }
    }

    /**
     * Parses a prefix as a user writes it: {@code /goproxy}, {@code /goproxy/}, {@code goproxy},
     * {@code /} or empty for the root.
     *
     * @throws GosyncException if an element is empty, {@code .}, {@code ..} or holds other characters
     */
    public static PathPrefix parse(String text) {
        String p = text.strip();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return ROOT;
        }
        if (!isValid(p)) {
            throw invalid(text);
        }
        return new PathPrefix(p);
    }

    /**
     * The rest of a decoded absolute request path below the prefix, without its leading slash, or
     * null when the path is not under the prefix.
     */
    String strip(String decodedPath) {
        if (value.isEmpty()) {
            return decodedPath.substring(1);
        }
        if (decodedPath.length() <= value.length() || !decodedPath.startsWith(value)
                || decodedPath.charAt(value.length()) != '/') {
            return null;
        }
        return decodedPath.substring(value.length() + 1);
    }

    private static boolean isValid(String p) {
        if (!p.startsWith("/")) {
            return false;
        }
        for (String element : p.substring(1).split("/", -1)) {
            if (element.isEmpty() || element.equals(".") || element.equals("..")) {
                return false;
            }
            for (int i = 0; i < element.length(); i++) {
                char c = element.charAt(i);
                boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '.' || c == '_' || c == '~';
                if (!unreserved) {
                    return false;
                }
            }
        }
        return true;
    }

    private static GosyncException invalid(String text) {
        return new GosyncException("path prefix \"" + text + "\" is not a URL path of plain elements",
                "give elements of letters, digits and - . _ ~ separated by /, for example /goproxy or /mirrors/go");
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "/" : value;
    }
}
