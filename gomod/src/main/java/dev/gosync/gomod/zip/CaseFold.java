package dev.gosync.gomod.zip;

import dev.gosync.gomod.GoUnicode;

/**
 * The case-folding key under which module zips may not hold two names: each rune replaced by the
 * smallest rune of its Unicode simple case-folding orbit, then A-Z lowered, as x/mod's
 * {@code strToFold}. So {@code K}, {@code k} and the Kelvin sign U+212A collide, while U+0130
 * (İ) and {@code i} do not. {@link String#toLowerCase} gets these cases wrong, and the orbits
 * come from Go's tables ({@link GoUnicode#simpleFold}) rather than the JDK's older ones.
 */
final class CaseFold {
    private CaseFold() {
    }

    /** The key: equal keys for exactly the names Go's {@code strings.EqualFold} finds equal. */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            // A lone surrogate stands for invalid UTF-8, which Go decodes as U+FFFD.
            int r = Character.getType(c) == Character.SURROGATE ? 0xFFFD : c;
            // The orbit ascends to its largest member and then wraps to its smallest.
            int next;
            while ((next = GoUnicode.simpleFold(r)) > r) {
                r = next;
            }
            r = next;
            if (r >= 'A' && r <= 'Z') {
                r += 'a' - 'A';
            }
            out.appendCodePoint(r);
        }
        return out.toString();
    }
}
