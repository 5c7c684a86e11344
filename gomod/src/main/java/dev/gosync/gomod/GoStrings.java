package dev.gosync.gomod;

import java.io.ByteArrayOutputStream;
import java.util.Comparator;

/**
 * Java strings seen the way Go sees strings: as UTF-8 byte sequences. A lone surrogate in a Java
 * string stands for bytes Go would reject as invalid UTF-8.
 */
public final class GoStrings {
    /**
     * Orders strings by their UTF-8 bytes, as Go's {@code strings.Compare} does. Code point order
     * gives the same answer (UTF-8 preserves it, and a lone surrogate falls between U+D7FF and
     * U+E000 either way), whereas {@link String#compareTo} orders UTF-16 units and misplaces
     * supplementary characters after U+E000..U+FFFF.
     */
    public static final Comparator<String> BYTE_ORDER = GoStrings::compare;

    private static final String HEX = "0123456789abcdef";

    private GoStrings() {
    }

    /** Compares like Go's {@code strings.Compare}: negative, zero or positive. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Whether Go would find the string valid UTF-8, that is, it holds no lone surrogate. */
    public static boolean isValidUtf8(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.getType(c) == Character.SURROGATE) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * The bytes Go would hold for the string: UTF-8, except that a lone surrogate gets the
     * three-byte form of its code unit, which Go decodes as invalid.
     */
    public static byte[] bytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.write(0xF0 | (c >> 18));
                out.write(0x80 | ((c >> 12) & 0x3F));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
        return out.toByteArray();
    }

    /**
     * The string as a Go double-quoted literal, like {@code %q} or {@code strconv.Quote}; a lone
     * surrogate shows as the three escaped bytes Go would hold for it ({@link #bytes}).
     */
    public static String quote(String s) {
        return quote(bytes(s));
    }

    /** The bytes as a Go double-quoted literal: {@code strconv.Quote}, which escapes each invalid UTF-8 byte as {@code \x}. */
    public static String quote(byte[] s) {
        StringBuilder out = new StringBuilder(s.length + 2).append('"');
        for (int i = 0; i < s.length; ) {
            GoUtf8.Rune r = GoUtf8.decode(s, i, s.length);
            if (r.invalid()) {
                appendHexByte(out, s[i] & 0xFF);
            } else {
                appendEscaped(out, r.value(), '"');
            }
            i += r.width();
        }
        return out.append('"').toString();
    }

    /**
     * The code point as a Go rune literal, like {@code %q} on a rune. A surrogate shows as U+FFFD,
     * the rune Go decodes from invalid UTF-8.
     */
    public static String quoteRune(int c) {
        StringBuilder out = new StringBuilder("'");
        appendEscaped(out, Character.getType(c) == Character.SURROGATE ? 0xFFFD : c, '\'');
        return out.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder out, int c, char quote) {
        if (c == quote || c == '\\') {
            out.append('\\').appendCodePoint(c);
        } else if (GoUnicode.isPrint(c)) {
            out.appendCodePoint(c);
        } else {
            switch (c) {
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0B -> out.append("\\v");
                default -> appendCodeEscape(out, c);
            }
        }
    }

    private static void appendCodeEscape(StringBuilder out, int c) {
        if (c < ' ' || c == 0x7F) {
            appendHexByte(out, c);
        } else if (c < 0x10000) {
            out.append("\\u").append(hex(c, 4));
        } else {
            out.append("\\U").append(hex(c, 8));
        }
    }

    private static void appendHexByte(StringBuilder out, int b) {
        out.append("\\x").append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
    }

    private static String hex(int c, int digits) {
        StringBuilder s = new StringBuilder(Integer.toHexString(c));
        while (s.length() < digits) {
            s.insert(0, '0');
        }
        return s.toString();
    }
}
