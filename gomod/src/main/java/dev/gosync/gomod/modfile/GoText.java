package dev.gosync.gomod.modfile;

import dev.gosync.gomod.GoFields;
import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GoUnicode;
import dev.gosync.gomod.GoUtf8;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Go strings as this package handles them: a Java string with one char per byte (ISO-8859-1),
 * called <em>raw text</em> here. go.mod files are byte sequences that may hold invalid UTF-8, and
 * {@code go mod edit -fmt} copies such bytes through unchanged, so tokens and comments must keep
 * their bytes exactly; raw text does, compares in Go's byte order with {@link String#compareTo}
 * and converts back losslessly. Runes, spaces and quoting are Go's, from the shared
 * implementations ({@link GoUtf8}, {@link GoFields}, {@link GoStrings}) applied to the bytes.
 */
final class GoText {
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
        return GoUtf8.decodeAll(toBytes(raw), 0, raw.length());
    }

    /** The rune starting at byte i, like {@code utf8.DecodeRuneInString}. */
    static GoUtf8.Rune runeAt(String raw, int i) {
        // A rune takes at most four bytes, so decoding needs no more of the text than that.
        byte[] window = toBytes(raw.substring(i, Math.min(raw.length(), i + 4)));
        return GoUtf8.decode(window, 0, window.length);
    }

    /** Go's {@code strings.TrimSpace}. */
    static String trimSpace(String raw) {
        return fromBytes(GoFields.trimSpace(toBytes(raw)));
    }

    /** Go's {@code strings.Fields}: the runs of non-space runes. */
    static List<String> fields(String raw) {
        return GoFields.split(toBytes(raw)).stream().map(GoText::fromBytes).toList();
    }

    /** Go's {@code strconv.Quote}: a double-quoted literal that escapes invalid bytes and non-printing runes. */
    static String quote(String raw) {
        return fromJava(GoStrings.quote(toBytes(raw)));
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
                GoUtf8.Rune rune = runeAt(raw, i);
                out.append(fromJava(Character.toString(rune.value())));
                i += rune.width();
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
        for (int i = 0; i < raw.length(); ) {
            GoUtf8.Rune r = runeAt(raw, i);
            i += r.width();
            int rune = r.value();
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
