package dev.gosync.agent.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Go's {@code strings.Fields} on bytes: the input is decoded as UTF-8 rune by rune, fields are
 * separated by runs of Unicode white space ({@code unicode.IsSpace}), and bytes that are not
 * valid UTF-8 count as ordinary, non-space characters. Fields are returned as the exact bytes
 * of the input, so nothing is lost to decoding.
 */
public final class GoFields {
    private GoFields() {
    }

    /** The fields of {@code data[from, to)}. */
    public static List<byte[]> split(byte[] data, int from, int to) {
        List<byte[]> fields = new ArrayList<>();
        int start = -1;
        int i = from;
        while (i < to) {
            int width = spaceWidth(data, i, to);
            if (width > 0) {
                if (start >= 0) {
                    fields.add(Arrays.copyOfRange(data, start, i));
                    start = -1;
                }
                i += width;
            } else {
                if (start < 0) {
                    start = i;
                }
                i += runeWidth(data, i, to);
            }
        }
        if (start >= 0) {
            fields.add(Arrays.copyOfRange(data, start, to));
        }
        return fields;
    }

    /** The fields of all of {@code data}. */
    public static List<byte[]> split(byte[] data) {
        return split(data, 0, data.length);
    }

    /** The fields of a string, split on {@link #isSpace} runs. */
    public static List<String> split(String s) {
        List<String> fields = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (isSpace(c)) {
                if (start >= 0) {
                    fields.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            fields.add(s.substring(start));
        }
        return fields;
    }

    /** Go's {@code strings.TrimSpace}: the string without leading and trailing {@link #isSpace} runes. */
    public static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /**
     * Go's {@code unicode.IsSpace}: the ASCII white space {@code \t \n \v \f \r} and space, U+0085,
     * U+00A0, and the other White_Space characters. Java's {@link Character#isWhitespace} differs
     * (it leaves out the no-break spaces and counts the ASCII separators U+001C..U+001F).
     */
    public static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    /**
     * The length of the {@link #isSpace} rune at {@code i}, or 0 when there is none.
     */
    private static int spaceWidth(byte[] b, int i, int to) {
        int width = runeWidth(b, i, to);
        int c = b[i] & 0xFF;
        if (width == 1) {
            // A lone byte is ASCII or invalid UTF-8; only ASCII can be space.
            return c < 0x80 && isSpace(c) ? 1 : 0;
        }
        return isSpace(decode(b, i)) ? width : 0;
    }

    /**
     * The length of the valid UTF-8 sequence at {@code i}, or 1 for an invalid byte (which Go
     * decodes as U+FFFD of width 1): overlong forms, surrogates and values above U+10FFFF are
     * invalid, as are truncated sequences.
     */
    static int runeWidth(byte[] b, int i, int to) {
        int c = b[i] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c < 0x80) {
            return 1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            if (c == 0xE0) {
                lo = 0xA0;
            } else if (c == 0xED) {
                hi = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return 1;
        }
        if (i + n > to) {
            return 1;
        }
        int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi) {
            return 1;
        }
        for (int k = 2; k < n; k++) {
            int cont = b[i + k] & 0xFF;
            if (cont < 0x80 || cont > 0xBF) {
                return 1;
            }
        }
        return n;
    }

    private static int decode(byte[] b, int i) {
        int c = b[i] & 0xFF;
        if (c < 0xE0) {
            return ((c & 0x1F) << 6) | (b[i + 1] & 0x3F);
        }
        if (c < 0xF0) {
            return ((c & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
        }
        return ((c & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
    }
}
