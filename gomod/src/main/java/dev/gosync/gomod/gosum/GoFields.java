package dev.gosync.gomod.gosum;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code strings.Fields}: splits around runs of Unicode white space as Go defines it, which
 * is not {@link Character#isWhitespace} (Go counts U+0085 and U+00A0, Java does not, and Java
 * counts U+001C..U+001F, Go does not).
 */
final class GoFields {
    private GoFields() {
    }

    static List<String> split(String s) {
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

    /** Go's {@code unicode.IsSpace}: the Unicode White_Space property. */
    static boolean isSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }
}
