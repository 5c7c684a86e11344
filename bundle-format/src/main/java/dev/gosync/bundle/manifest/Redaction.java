package dev.gosync.bundle.manifest;

import java.util.regex.Pattern;

/**
 * Removes credentials from source descriptions before they go into a manifest, which anyone
 * holding the bundle can read.
 *
 * <p>A source is a URL, a GOPROXY-style list of URLs separated by {@code ,} or {@code |}
 * (with {@code direct} and {@code off} as elements), or any other text. In every element of
 * the form {@code scheme://authority/path?query#fragment} the user info ({@code user:password@}
 * or {@code token@}) is removed, and so are the query and the fragment: each of them can carry
 * a token, and none of them is needed to recognise where modules came from. Everything else
 * is kept as is. The result is idempotent: redacting twice changes nothing more.
 */
public final class Redaction {
    /** A URL's scheme and user info, up to the last {@code @} before the path, query, fragment or a blank. */
    private static final Pattern USER_INFO =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://)[^/?#@\\s]*(?:@[^/?#@\\s]*)*@");

    private Redaction() {
    }

    /**
     * {@code text} with the whole user info ({@code user:password@} or {@code token@}) removed
     * from every {@code scheme://} URL in it, the rule {@link #redact} applies to a source, for
     * free text such as error messages; all else, queries included, is kept.
     */
    public static String withoutUserInfo(String text) {
        return USER_INFO.matcher(text).replaceAll("$1");
    }

    /** {@code source} without credentials, see the class comment. */
    public static String redact(String source) {
        StringBuilder out = new StringBuilder(source.length());
        boolean droppingQuery = false;
        int start = 0;
        char separator = 0;
        while (start <= source.length()) {
            int end = nextSeparator(source, start);
            String element = source.substring(start, end);
            if (isListElement(element)) {
                appendSeparator(out, separator);
                droppingQuery = hasQueryOrFragment(element);
                out.append(redactElement(element));
            } else if (!droppingQuery) {
                // Text after a dropped query, up to the next real list element, belongs to that query.
                appendSeparator(out, separator);
                out.append(element);
            }
            if (end == source.length()) {
                break;
            }
            separator = source.charAt(end);
            start = end + 1;
        }
        return out.toString();
    }

    private static void appendSeparator(StringBuilder out, char separator) {
        if (separator != 0) {
            out.append(separator);
        }
    }

    private static int nextSeparator(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == ',' || s.charAt(i) == '|') {
                return i;
            }
        }
        return s.length();
    }

    private static boolean isListElement(String element) {
        return element.contains("://") || element.equals("direct") || element.equals("off");
    }

    private static boolean hasQueryOrFragment(String element) {
        int scheme = element.indexOf("://");
        return scheme >= 0 && (element.indexOf('?', scheme) >= 0 || element.indexOf('#', scheme) >= 0);
    }

    private static String redactElement(String element) {
        int scheme = element.indexOf("://");
        if (scheme < 0) {
            return element;
        }
        int authorityStart = scheme + 3;
        int authorityEnd = indexOfAny(element, authorityStart, "/?#");
        String authority = element.substring(authorityStart, authorityEnd);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int pathEnd = indexOfAny(element, authorityEnd, "?#");
        return element.substring(0, authorityStart) + host + element.substring(authorityEnd, pathEnd);
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
