package dev.gosync.gomod.modfile;

import dev.gosync.gomod.GoUnicode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Go strings as this package handles them: a Java string with one char per byte (ISO-8859-1),
 * called <em>raw text</em> here. go.mod files are byte sequences that may hold invalid UTF-8, and
 * {@code go mod edit -fmt} copies such bytes through unchanged, so tokens and comments must keep
 * their bytes exactly; raw text does, compares in Go's byte order with {@link String#compareTo}
 * and converts back losslessly. Runes are decoded the way Go's {@code unicode/utf8} does (each
 * byte of an invalid sequence is one U+FFFD), and character classes are Go's ({@link GoUnicode}).
 */
final class GoText {
    static final int RUNE_ERROR = 0xFFFD;

    private static final String HEX = "0123456789abcdef";

    private GoText() {
    }

    static String fromBytes(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static byte[] toBytes(String raw) {
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The raw text of a Java string's UTF-8 encoding. */
    static String fromJava(String s) {
        return fromBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes raw text as UTF-8 the way Go ranges over a string: each invalid byte becomes U+FFFD. */
    static String toJava(String raw) {
        if (isAscii(raw)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i += runeWidth(raw, i)) {
            out.appendCodePoint(runeAt(raw, i));
        }
        return out.toString();
    }

    private static boolean isAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The rune starting at byte i (U+FFFD for an invalid sequence), like {@code utf8.DecodeRuneInString}. */
    static int runeAt(String raw, int i) {
        return decode(raw, i) & 0x1FFFFF;
    }

    /** How many bytes the rune at byte i occupies: 1 to 4, and 1 for each byte of an invalid sequence. */
    static int runeWidth(String raw, int i) {
        return decode(raw, i) >>> 21;
    }

    /** Packs rune and width into one int: the rune in the low 21 bits, the width above them. */
    private static int decode(String raw, int i) {
        int b0 = raw.charAt(i);
        if (b0 < 0x80) {
            return 1 << 21 | b0;
        }
        int width;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            width = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            width = 3;
            lo = b0 == 0xE0 ? 0xA0 : 0x80;
            hi = b0 == 0xED ? 0x9F : 0xBF;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            width = 4;
            lo = b0 == 0xF0 ? 0x90 : 0x80;
            hi = b0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 1 << 21 | RUNE_ERROR;
        }
        if (i + width > raw.length()) {
            return 1 << 21 | RUNE_ERROR;
        }
        int b1 = raw.charAt(i + 1);
        if (b1 < lo || b1 > hi) {
            return 1 << 21 | RUNE_ERROR;
        }
        int rune = b0 & (0xFF >> (width + 1));
        rune = rune << 6 | (b1 & 0x3F);
        for (int k = 2; k < width; k++) {
            int b = raw.charAt(i + k);
            if (b < 0x80 || b > 0xBF) {
                return 1 << 21 | RUNE_ERROR;
            }
            rune = rune << 6 | (b & 0x3F);
        }
        return width << 21 | rune;
    }

    /** The start of the rune that ends at byte end, like {@code utf8.DecodeLastRuneInString}. */
    private static int lastRuneStart(String raw, int end) {
        int start = end - 1;
        if (raw.charAt(start) < 0x80) {
            return start;
        }
        int limit = Math.max(0, end - 4);
        for (start--; start >= limit; start--) {
            if ((raw.charAt(start) & 0xC0) != 0x80) {
                break;
            }
        }
        start = Math.max(start, 0);
        return start + runeWidth(raw, start) == end ? start : end - 1;
    }

    /** Go's {@code strings.TrimSpace}. */
    static String trimSpace(String raw) {
        int start = 0;
        while (start < raw.length() && GoUnicode.isSpace(runeAt(raw, start))) {
            start += runeWidth(raw, start);
        }
        int end = raw.length();
        while (end > start) {
            int last = lastRuneStart(raw, end);
            if (!GoUnicode.isSpace(runeAt(raw, last))) {
                break;
            }
            end = last;
        }
        return raw.substring(start, end);
    }

    /** Go's {@code strings.Fields}: the runs of non-space runes. */
    static List<String> fields(String raw) {
        List<String> fields = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < raw.length(); i += runeWidth(raw, i)) {
            boolean space = GoUnicode.isSpace(runeAt(raw, i));
            if (space && start >= 0) {
                fields.add(raw.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            fields.add(raw.substring(start));
        }
        return fields;
    }

    /** Go's {@code strconv.Quote}: a double-quoted literal that escapes invalid bytes and non-printing runes. */
    static String quote(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 2).append('"');
        for (int i = 0; i < raw.length(); ) {
            int rune = runeAt(raw, i);
            int width = runeWidth(raw, i);
            if (rune == RUNE_ERROR && width == 1) {
                appendHexByte(out, raw.charAt(i));
            } else if (rune == '"' || rune == '\\') {
                out.append('\\').append((char) rune);
            } else if (GoUnicode.isPrint(rune)) {
                out.append(raw, i, i + width);
            } else {
                appendEscape(out, rune);
            }
            i += width;
        }
        return out.append('"').toString();
    }

    /** Go's {@code strconv.QuoteRune}, as raw text. */
    static String quoteRune(int rune) {
        StringBuilder out = new StringBuilder("'");
        if (rune == '\'' || rune == '\\') {
            out.append('\\').append((char) rune);
        } else if (GoUnicode.isPrint(rune)) {
            out.append(fromJava(new String(Character.toChars(rune))));
        } else {
            appendEscape(out, rune);
        }
        return out.append('\'').toString();
    }

    private static void appendEscape(StringBuilder out, int rune) {
        switch (rune) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            default -> {
                if (rune < ' ' || rune == 0x7F) {
                    appendHexByte(out, rune);
                } else if (rune < 0x10000) {
                    out.append("\\u").append(hex(rune, 4));
                } else {
                    out.append("\\U").append(hex(rune, 8));
                }
            }
        }
    }

    private static void appendHexByte(StringBuilder out, int b) {
        out.append("\\x").append(HEX.charAt(b >> 4 & 0xF)).append(HEX.charAt(b & 0xF));
    }

    private static String hex(int value, int digits) {
        String h = Integer.toHexString(value);
        return "0".repeat(Math.max(0, digits - h.length())) + h;
    }

    /**
     * Go's {@code strconv.Unquote} for a double-quoted literal: the bytes it stands for, or empty
     * when it is malformed (a bad escape, an unescaped quote or newline, text after the closing
     * quote). Invalid UTF-8 outside escapes becomes U+FFFD, as in Go.
     */
    static Optional<String> unquote(String raw) {
        if (raw.length() < 2 || raw.charAt(0) != '"') {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 1;
        while (i < raw.length() && raw.charAt(i) != '"') {
            char c = raw.charAt(i);
            if (c == '\n') {
                return Optional.empty();
            }
            if (c >= 0x80) {
                out.append(fromJava(new String(Character.toChars(runeAt(raw, i)))));
                i += runeWidth(raw, i);
            } else if (c != '\\') {
                out.append(c);
                i++;
            } else {
                i = unescape(raw, i + 1, out);
                if (i < 0) {
                    return Optional.empty();
                }
            }
        }
        return i == raw.length() - 1 ? Optional.of(out.toString()) : Optional.empty();
    }

    /** Appends the escape sequence whose letter is at i; returns the index after it, or -1 when malformed. */
    private static int unescape(String raw, int i, StringBuilder out) {
        if (i >= raw.length()) {
            return -1;
        }
        char c = raw.charAt(i++);
        switch (c) {
            case 'a' -> out.append((char) 0x07);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append((char) 0x0B);
            case '\\', '"' -> out.append(c);
            case 'x', 'u', 'U' -> {
                int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                if (i + digits > raw.length()) {
                    return -1;
                }
                int value = 0;
                for (int k = 0; k < digits; k++) {
                    int d = hexDigit(raw.charAt(i + k));
                    if (d < 0) {
                        return -1;
                    }
                    value = value << 4 | d;
                }
                i += digits;
                if (c == 'x') {
                    // A single byte, which need not be valid UTF-8 on its own.
                    out.append((char) value);
                } else if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) || value < 0) {
                    return -1;
                } else {
                    out.append(fromJava(new String(Character.toChars(value))));
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int value = c - '0';
                if (i + 2 > raw.length()) {
                    return -1;
                }
                for (int k = 0; k < 2; k++) {
                    int d = raw.charAt(i + k) - '0';
                    if (d < 0 || d > 7) {
                        return -1;
                    }
                    value = value << 3 | d;
                }
                i += 2;
                if (value > 255) {
                    return -1;
                }
                out.append((char) value);
            }
            default -> {
                return -1;
            }
        }
        return i;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /**
     * Whether a value needs quotes to stay one token in a go.mod line (x/mod's {@code MustQuote}):
     * it is empty, holds a space, a quote or a non-printing rune, contains {@code //} or
     * {@code /*}, or is longer than one byte and holds a bracket or comma.
     */
    static boolean mustQuote(String raw) {
        for (int i = 0; i < raw.length(); i += runeWidth(raw, i)) {
            int rune = runeAt(raw, i);
            switch (rune) {
                case ' ', '"', '\'', '`' -> {
                    return true;
                }
                case '(', ')', '[', ']', '{', '}', ',' -> {
                    if (raw.length() > 1) {
                        return true;
                    }
                }
                default -> {
                    if (!GoUnicode.isPrint(rune)) {
                        return true;
                    }
                }
            }
        }
        return raw.isEmpty() || raw.contains("//") || raw.contains("/*");
    }

    /** The value as a go.mod token: itself, or quoted when {@link #mustQuote} says so. */
    static String autoQuote(String raw) {
        return mustQuote(raw) ? quote(raw) : raw;
    }
}
