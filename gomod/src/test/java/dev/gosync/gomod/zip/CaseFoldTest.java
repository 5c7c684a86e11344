package dev.gosync.gomod.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.fixtures.GoOracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** CaseFold reproduces x/mod's strToFold, and its table is Go's unicode.SimpleFold. */
class CaseFoldTest {

    @Test
    void tableIsGoSimpleFoldForEveryRune() throws IOException {
        TreeMap<Integer, Integer> go = new TreeMap<>();
        for (JsonNode pair : GoOracle.get().ask("unicode.SimpleFold").get("result")) {
            go.put(pair.get(0).asInt(), pair.get(1).asInt());
        }
        String expected = encode(go);
        String actual;
        try (InputStream in = CaseFold.class.getResourceAsStream("simple-fold.txt")) {
            actual = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
        }
        if (!expected.equals(actual)) {
            Path regenerated = Files.createTempFile("simple-fold", ".txt");
            Files.writeString(regenerated, expected);
            assertEquals(expected, actual, "simple-fold.txt differs from the go toolchain's unicode.SimpleFold; "
                    + "the data lines it should hold are in " + regenerated);
        }
        for (int r = 0; r <= Character.MAX_CODE_POINT; r++) {
            if (CaseFold.simpleFold(r) != go.getOrDefault(r, r)) {
                assertEquals(go.getOrDefault(r, r), CaseFold.simpleFold(r), "SimpleFold(" + Integer.toHexString(r) + ")");
            }
        }
    }

    @Test
    void kelvinSignLowerAndUpperKFoldTogether() {
        assertEquals("k", CaseFold.fold("K"));
        assertEquals("k", CaseFold.fold("k"));
        assertEquals("k", CaseFold.fold("\u212A"));
    }

    @Test
    void longSAndMicroSignJoinTheirOrbits() {
        assertEquals(CaseFold.fold("s"), CaseFold.fold("\u017F"));
        assertEquals(CaseFold.fold("\u03BC"), CaseFold.fold("\u00B5"));
        assertEquals(CaseFold.fold("\u03C3"), CaseFold.fold("\u03C2"));
    }

    @Test
    void dottedCapitalIAndDotlessISimpleFoldToNothing() {
        // String.toLowerCase would map U+0130 to "i̇" and toUpperCase U+0131 to "I".
        assertNotEquals(CaseFold.fold("i"), CaseFold.fold("\u0130"));
        assertNotEquals(CaseFold.fold("i"), CaseFold.fold("\u0131"));
    }

    @Test
    void supplementaryLettersFoldByCodePoint() {
        assertEquals(CaseFold.fold("\uD801\uDC00"), CaseFold.fold("\uD801\uDC28"));
    }

    @Test
    void lettersNewerThanJava17UnicodeStillFold() {
        // Vithkuqi (Unicode 14): Java 17 knows no case for it, Go does.
        assertEquals(CaseFold.fold("\uD801\uDD70"), CaseFold.fold("\uD801\uDD97"));
    }

    /** The table's data lines: greedy runs of equal delta at stride 1 or 2, see CaseFold#load. */
    static String encode(TreeMap<Integer, Integer> folds) {
        Set<Integer> used = new HashSet<>();
        List<String> lines = new ArrayList<>();
        for (var e : folds.entrySet()) {
            int first = e.getKey();
            if (used.contains(first)) {
                continue;
            }
            int delta = e.getValue() - first;
            int bestLast = first;
            int bestStride = 1;
            for (int stride = 1; stride <= 2; stride++) {
                int last = first;
                while (folds.containsKey(last + stride) && folds.get(last + stride) - (last + stride) == delta
                        && !used.contains(last + stride)) {
                    last += stride;
                }
                if (last > bestLast) {
                    bestLast = last;
                    bestStride = stride;
                }
            }
            for (int r = first; r <= bestLast; r += bestStride) {
                used.add(r);
            }
            lines.add(String.format("%04X %04X %d %d", first, bestLast, bestStride, delta));
        }
        return String.join("\n", lines) + "\n";
    }
}
