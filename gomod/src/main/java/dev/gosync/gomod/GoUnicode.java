package dev.gosync.gomod;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's answers to the Unicode questions Go-module rules ask: {@code unicode.IsLetter} (file names
 * in modules), {@code unicode.IsPrint} and {@code strconv.IsPrint}, which agree (quoting, go.mod
 * tokens), {@code unicode.IsSpace} ({@code strings.Fields}, {@code strings.TrimSpace}) and
 * {@code unicode.SimpleFold} (case-insensitive name collisions). {@link Character} cannot stand
 * in for them: its tables follow the running JDK's Unicode version (13.0 in Java 17), Go's follow
 * Go's (15.0 in Go 1.26), so Java rejects letters and printable characters that Go accepts.
 *
 * <p>The answers come from tables the go toolchain generated (resource {@code go-unicode.txt}); a
 * test compares them with it for every code point and writes the file anew when they differ.
 * Arguments are code points; a surrogate code point gets Go's answers for a rune in the surrogate
 * range: no class, and it folds to itself.
 */
public final class GoUnicode {
    static final String RESOURCE = "go-unicode.txt";

    private static final int[] LETTER;
    private static final int[] PRINT;
    private static final int[] SPACE;
    /** The runes that do not fold to themselves, ascending, and what each folds to. */
    private static final int[] FOLD_FROM;
    private static final int[] FOLD_TO;

    static {
        Map<String, List<int[]>> sections = read();
        LETTER = bounds(sections, "letter");
        PRINT = bounds(sections, "print");
        SPACE = bounds(sections, "space");
        TreeMap<Integer, Integer> folds = new TreeMap<>();
        for (int[] row : section(sections, "fold", 4)) {
            for (int r = row[0]; r <= row[1]; r += row[2]) {
                folds.put(r, r + row[3]);
            }
        }
        FOLD_FROM = folds.keySet().stream().mapToInt(Integer::intValue).toArray();
        FOLD_TO = folds.values().stream().mapToInt(Integer::intValue).toArray();
    }

    private GoUnicode() {
    }

    /** Go's {@code unicode.IsLetter}: the general categories Lu, Ll, Lt, Lm and Lo. */
    public static boolean isLetter(int codePoint) {
        return inRanges(LETTER, codePoint);
    }

    /**
     * Go's {@code unicode.IsPrint} and {@code strconv.IsPrint}: letters, marks, numbers,
     * punctuation, symbols and the ASCII space, but no other space.
     */
    public static boolean isPrint(int codePoint) {
        return inRanges(PRINT, codePoint);
    }

    /** Go's {@code unicode.IsSpace}: the White_Space property, which Java's whitespace tests do not follow. */
    public static boolean isSpace(int codePoint) {
        return inRanges(SPACE, codePoint);
    }

    /**
     * Go's {@code unicode.SimpleFold}: the next code point, upwards and wrapping around, of the
     * set that simple case folding makes equivalent; the code point itself when that set has no
     * other member.
     */
    public static int simpleFold(int codePoint) {
        int i = Arrays.binarySearch(FOLD_FROM, codePoint);
        return i < 0 ? codePoint : FOLD_TO[i];
    }

    private static boolean inRanges(int[] bounds, int codePoint) {
        int i = Arrays.binarySearch(bounds, codePoint);
        // Even indexes start ranges and odd ones end them, both inclusive.
        return i >= 0 || (-i - 1) % 2 == 1;
    }

    private static int[] bounds(Map<String, List<int[]>> sections, String name) {
        return section(sections, name, 2).stream().flatMapToInt(Arrays::stream).toArray();
    }

    private static List<int[]> section(Map<String, List<int[]>> sections, String name, int columns) {
        List<int[]> rows = sections.get(name);
        if (rows == null || rows.stream().anyMatch(row -> row.length != columns)) {
            throw new IllegalStateException("resource " + RESOURCE + " lacks section [" + name
                    + "] or has rows of other than " + columns + " columns in it");
        }
        return rows;
    }

    /**
     * Reads the resource: {@code #} comment lines, and sections, each a {@code [name]} line followed
     * by rows of space-separated numbers; the first two columns are hexadecimal code points, any
     * further ones decimal (see the resource's header for their meaning).
     */
    private static Map<String, List<int[]>> read() {
        Map<String, List<int[]>> sections = new HashMap<>();
        try (InputStream in = GoUnicode.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the gomod jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<int[]> rows = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    rows = new ArrayList<>();
                    sections.put(line.substring(1, line.length() - 1), rows);
                } else if (rows == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " has data before its first section");
                } else {
                    rows.add(parseRow(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
        return sections;
    }

    private static int[] parseRow(String line) {
        String[] fields = line.split(" ");
        int[] row = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            row[i] = Integer.parseInt(fields[i], i < 2 ? 16 : 10);
        }
        return row;
    }
}
