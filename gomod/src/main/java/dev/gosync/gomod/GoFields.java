package dev.gosync.gomod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Go's {@code strings.Fields} and {@code strings.TrimSpace}: white space is what Go's
 * {@code unicode.IsSpace} says ({@link GoUnicode#isSpace}), which is not
 * {@link Character#isWhitespace} (Go counts U+0085 and U+00A0, Java does not, and Java counts
 * U+001C..U+001F, Go does not).
 *
 * <p>The byte forms decode as Go does ({@link GoUtf8}): an invalid byte is an ordinary, non-space
 * character, and results are the exact bytes of the input. The string forms read code points;
 * a lone surrogate is never space.
 */
public final class GoFields {
    private GoFields() {
    }

    /** The fields of {@code data[from, to)}: its runs of non-space runes. */
    public static List<byte[]> split(byte[] data, int from, int to) {
        List<byte[]> fields = new ArrayList<>();
        for (int[] field : bounds(from, to, bytes(data, to))) {
            fields.add(Arrays.copyOfRange(data, field[0], field[1]));
        }
        return fields;
    }

    /** The fields of all of {@code data}. */
    public static List<byte[]> split(byte[] data) {
        return split(data, 0, data.length);
    }

    /** The fields of a string. */
    public static List<String> split(String s) {
        List<String> fields = new ArrayList<>();
        for (int[] field : bounds(0, s.length(), codePoints(s))) {
            fields.add(s.substring(field[0], field[1]));
        }
        return fields;
    }

    /** The bytes without leading and trailing white space. */
    public static byte[] trimSpace(byte[] data) {
        List<int[]> fields = bounds(0, data.length, bytes(data, data.length));
        return fields.isEmpty() ? new byte[0]
                : Arrays.copyOfRange(data, fields.get(0)[0], fields.get(fields.size() - 1)[1]);
    }

    /** The string without leading and trailing white space. */
    public static String trimSpace(String s) {
        List<int[]> fields = bounds(0, s.length(), codePoints(s));
        return fields.isEmpty() ? "" : s.substring(fields.get(0)[0], fields.get(fields.size() - 1)[1]);
    }

    /** Reads a text one character at a time: how many units the one at i takes, negated when it is space. */
    @FunctionalInterface
    private interface Steps {
        int at(int i);
    }

    private static Steps bytes(byte[] data, int to) {
        return i -> {
            GoUtf8.Rune r = GoUtf8.decode(data, i, to);
            return GoUnicode.isSpace(r.value()) ? -r.width() : r.width();
        };
    }

    private static Steps codePoints(String s) {
        return i -> {
            int c = s.codePointAt(i);
            return GoUnicode.isSpace(c) ? -Character.charCount(c) : Character.charCount(c);
        };
    }

    /**
     * The [start, end) of each field of text[from, to). Trimming keeps what lies between the first
     * field's start and the last one's end. Go trims the right end decoding backwards, and that
     * finds the same space runes: a space rune is valid UTF-8, and its lead byte, which is not a
     * continuation byte, cannot be inside a longer rune read forwards.
     */
    private static List<int[]> bounds(int from, int to, Steps steps) {
        List<int[]> fields = new ArrayList<>();
        int start = -1;
        for (int i = from; i < to; ) {
            int step = steps.at(i);
            if (step < 0 && start >= 0) {
                fields.add(new int[] {start, i});
                start = -1;
            } else if (step > 0 && start < 0) {
                start = i;
            }
            i += Math.abs(step);
        }
        if (start >= 0) {
            fields.add(new int[] {start, to});
        }
        return fields;
    }
}
