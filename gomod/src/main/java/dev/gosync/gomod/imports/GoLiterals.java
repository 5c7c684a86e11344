package dev.gosync.gomod.imports;

/**
 * Go string literals, as {@code strconv.Unquote} and {@code strconv.QuotedPrefix} read them:
 * interpreted ({@code "…"} with escapes) and raw ({@code `…`}, carriage returns dropped).
 * Escapes that produce single bytes above 0x7F yield U+FFFD, which no valid path or pattern holds.
 */
final class GoLiterals {
    private GoLiterals() {
    }

    /** The value of a whole literal, or null if it is not one. */
    static String unquote(String literal) {
        if (literal.length() < 2) {
            return null;
        }
        char quote = literal.charAt(0);
        if (literal.charAt(literal.length() - 1) != quote) {
            return null;
        }
        String body = literal.substring(1, literal.length() - 1);
        if (quote == '`') {
            return body.indexOf('`') >= 0 ? null : body.replace("\r", "");
        }
        if (quote != '"' || body.indexOf('\n') >= 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '"') {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            i = unescape(body, i + 1, out);
            if (i < 0) {
                return null;
            }
        }
        return out.toString();
    }

    /**
     * The length of the literal that starts {@code s}, or -1 if {@code s} does not start with a
     * valid one.
     */
    static int quotedPrefix(String s) {
        if (s.isEmpty() || (s.charAt(0) != '"' && s.charAt(0) != '`')) {
            return -1;
        }
        char quote = s.charAt(0);
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote) {
                return unquote(s.substring(0, i + 1)) == null ? -1 : i + 1;
            }
            if (quote == '"' && c == '\n') {
                return -1;
            }
            if (quote == '"' && c == '\\') {
                i++;
            }
        }
        return -1;
    }

    /** Appends the value of the escape after a backslash at {@code i}; returns the next index, or -1. */
    private static int unescape(String s, int i, StringBuilder out) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        switch (c) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000B');
            case '\\' -> out.append('\\');
            case '"' -> out.append('"');
            case 'x' -> {
                return hexEscape(s, i + 1, 2, out);
            }
            case 'u' -> {
                return hexEscape(s, i + 1, 4, out);
            }
            case 'U' -> {
                return hexEscape(s, i + 1, 8, out);
            }
            default -> {
                if (c < '0' || c > '7') {
                    return -1;
                }
                if (i + 3 > s.length()) {
                    return -1;
                }
                int v = 0;
                for (int k = i; k < i + 3; k++) {
                    char d = s.charAt(k);
                    if (d < '0' || d > '7') {
                        return -1;
                    }
                    v = v * 8 + (d - '0');
                }
                if (v > 255) {
                    return -1;
                }
                out.append(v < 0x80 ? (char) v : '\uFFFD');
                return i + 3;
            }
        }
        return i + 1;
    }

    private static int hexEscape(String s, int i, int digits, StringBuilder out) {
        if (i + digits > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = i; k < i + digits; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0 || s.charAt(k) > 'f') {
                return -1;
            }
            v = v * 16 + d;
        }
        if (digits == 2) {
            out.append(v < 0x80 ? (char) v : '\uFFFD');
        } else {
            if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) {
                return -1;
            }
            out.appendCodePoint(v);
        }
        return i + digits;
    }
}
