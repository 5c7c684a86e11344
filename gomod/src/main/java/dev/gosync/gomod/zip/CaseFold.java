package dev.gosync.gomod.zip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * The case-folding key under which module zips may not hold two names: each rune replaced by the
 * smallest rune of its Unicode simple case-folding orbit, then A-Z lowered, as x/mod's
 * {@code strToFold}. So {@code K}, {@code k} and the Kelvin sign U+212A collide, while U+0130
 * (İ) and {@code i} do not. {@link String#toLowerCase} gets these cases wrong.
 *
 * <p>The orbits come from Go's {@code unicode.SimpleFold} as a table (resource
 * {@code simple-fold.txt}) rather than from {@link Character}, whose case data follows the
 * running JDK's Unicode version instead of Go's. A differential test regenerates the table from
 * the go toolchain and compares.
 */
final class CaseFold {
    private static final String TABLE = "simple-fold.txt";
    private static final int[] RUNES;
    private static final int[] FOLDS;

    static {
        TreeMap<Integer, Integer> table = load();
        RUNES = table.keySet().stream().mapToInt(Integer::intValue).toArray();
        FOLDS = table.values().stream().mapToInt(Integer::intValue).toArray();
    }

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
            while ((next = simpleFold(r)) > r) {
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

    /** Go's {@code unicode.SimpleFold}: the next rune of r's orbit, wrapping around; r itself when it has none. */
    static int simpleFold(int r) {
        int i = Arrays.binarySearch(RUNES, r);
        return i < 0 ? r : FOLDS[i];
    }

    /**
     * Reads the table: after {@code #} comments, lines {@code FIRST LAST STRIDE DELTA} (code points
     * in hex, stride and delta in decimal) meaning SimpleFold(r) = r + DELTA for r = FIRST,
     * FIRST + STRIDE, …, LAST.
     */
    private static TreeMap<Integer, Integer> load() {
        TreeMap<Integer, Integer> table = new TreeMap<>();
        try (InputStream in = CaseFold.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TABLE + " is missing from the gomod jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" +");
                int first = Integer.parseInt(f[0], 16);
                int last = Integer.parseInt(f[1], 16);
                int stride = Integer.parseInt(f[2]);
                int delta = Integer.parseInt(f[3]);
                for (int r = first; r <= last; r += stride) {
                    table.put(r, r + delta);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + TABLE, e);
        }
        return table;
    }
}
