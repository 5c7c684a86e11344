package dev.gosync.gomod;

/**
 * Reads bytes as Go's {@code unicode/utf8} does. Anything that is not well-formed UTF-8 (a bad
 * or missing continuation byte, an overlong form, a surrogate, a value above U+10FFFF) decodes
 * as U+FFFD one byte at a time, so every byte belongs to exactly one rune and no input is
 * refused. Java's own decoders group invalid bytes differently, so they cannot stand in for it.
 */
public final class GoUtf8 {
    /** What an invalid byte decodes to: {@code utf8.RuneError}. */
    public static final int RUNE_ERROR = 0xFFFD;

    private static final Rune[] ASCII = new Rune[0x80];
    private static final Rune INVALID = new Rune(RUNE_ERROR, 1);

    static {
        for (int c = 0; c < ASCII.length; c++) {
            ASCII[c] = new Rune(c, 1);
        }
    }

    private GoUtf8() {
    }

    /**
     * A decoded rune and how many bytes it took.
     *
     * @param value a Unicode scalar value, never a surrogate
     * @param width 1 to 4
     */
    public record Rune(int value, int width) {
        /** Whether the byte was not valid UTF-8; a U+FFFD actually written in the input takes three bytes. */
        public boolean invalid() {
            return value == RUNE_ERROR && width == 1;
        }
    }

    /** The rune that starts at {@code b[i]}, reading no further than {@code end}, like {@code utf8.DecodeRune}. */
    public static Rune decode(byte[] b, int i, int end) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return ASCII[b0];
        }
        int width;
        // The second byte's range is narrower after some lead bytes: that is what rules out
        // overlong forms (E0, F0), surrogates (ED) and values above U+10FFFF (F4).
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
            return INVALID;
        }
        if (i + width > end) {
            return INVALID;
        }
        int b1 = b[i + 1] & 0xFF;
        if (b1 < lo || b1 > hi) {
            return INVALID;
        }
        int rune = (b0 & (0xFF >> (width + 1))) << 6 | (b1 & 0x3F);
        for (int k = 2; k < width; k++) {
            int next = b[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return INVALID;
            }
            rune = rune << 6 | (next & 0x3F);
        }
        return new Rune(rune, width);
    }

    /** The text of {@code b[from, to)} as Go's {@code range} over a string sees it: each invalid byte becomes U+FFFD. */
    public static String decodeAll(byte[] b, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; ) {
            Rune r = decode(b, i, to);
            out.appendCodePoint(r.value());
            i += r.width();
        }
        return out.toString();
    }
}
