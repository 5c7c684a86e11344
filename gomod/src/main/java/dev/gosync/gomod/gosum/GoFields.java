package dev.gosync.gomod.gosum;

import dev.gosync.gomod.GoUnicode;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code strings.Fields}: splits around runs of white space as Go's {@code unicode.IsSpace}
 * defines it ({@link GoUnicode#isSpace}), which is not {@link Character#isWhitespace} (Go counts
 * U+0085 and U+00A0, Java does not, and Java counts U+001C..U+001F, Go does not).
 */
final class GoFields {
    private GoFields() {
    }

    static List<String> split(String s) {
        List<String> fields = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (GoUnicode.isSpace(c)) {
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
}
