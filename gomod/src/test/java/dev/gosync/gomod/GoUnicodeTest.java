package dev.gosync.gomod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.fixtures.GoOracle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * GoUnicode answers as the go toolchain's {@code unicode} and {@code strconv} packages do, for
 * every code point, and its resource is exactly what the toolchain generates. When Go moves to a
 * newer Unicode version these tests fail and write the new resource to the build directory.
 */
class GoUnicodeTest {
    private static final int MAX = Character.MAX_CODE_POINT;
    private static final String HEADER = """
            # Go's Unicode tables for dev.gosync.gomod.GoUnicode: Unicode %s, generated from the go toolchain.
            # Do not edit: GoUnicodeTest compares every code point with the toolchain and, when they differ,
            # writes this file anew to the build directory.
            # Under [letter], [print] and [space], each line "FIRST LAST" (hexadecimal) is a range of code points,
            # both ends included, that unicode.IsLetter, unicode.IsPrint (= strconv.IsPrint) and unicode.IsSpace accept.
            # Under [fold], each line "FIRST LAST STRIDE DELTA" (hex, hex, decimal, decimal) means
            # unicode.SimpleFold(r) = r + DELTA for r = FIRST, FIRST+STRIDE, ..., LAST; other code points fold to
            # themselves.
            """;

    @Test
    void resourceIsWhatTheGoToolchainGenerates() throws IOException {
        String actual;
        try (InputStream in = GoUnicode.class.getResourceAsStream(GoUnicode.RESOURCE)) {
            actual = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        if (!actual.equals(expectedResource())) {
            throw outdated("");
        }
    }

    @Test
    void isLetterIsGosForEveryCodePoint() throws IOException {
        assertSameSet("unicode.IsLetter", GoUnicode::isLetter);
    }

    @Test
    void isPrintIsUnicodeIsPrintForEveryCodePoint() throws IOException {
        assertSameSet("unicode.IsPrint", GoUnicode::isPrint);
    }

    @Test
    void isPrintIsStrconvIsPrintForEveryCodePoint() throws IOException {
        assertSameSet("strconv.IsPrint", GoUnicode::isPrint);
    }

    @Test
    void isSpaceIsGosForEveryCodePoint() throws IOException {
        assertSameSet("unicode.IsSpace", GoUnicode::isSpace);
    }

    @Test
    void simpleFoldIsGosForEveryCodePoint() throws IOException {
        TreeMap<Integer, Integer> go = goSimpleFold();
        IntUnaryOperator expected = r -> go.getOrDefault(r, r);
        for (int r = 0; r <= MAX; r++) {
            if (GoUnicode.simpleFold(r) != expected.applyAsInt(r)) {
                throw outdated(String.format("GoUnicode.simpleFold(U+%04X) is U+%04X, Go's unicode.SimpleFold U+%04X",
                        r, GoUnicode.simpleFold(r), expected.applyAsInt(r)));
            }
        }
    }

    @Test
    void lettersNewerThanJavasUnicodeAreLetters() {
        // Vithkuqi (Unicode 14), Glagolitic U+2C2F (14), Latin U+A7C0 (14), Arabic U+0870 (14).
        for (int letter : new int[] {0x10570, 0x2C2F, 0xA7C0, 0x0870}) {
            assertTrue(GoUnicode.isLetter(letter), Integer.toHexString(letter));
            assertFalse(Character.isLetter(letter), Integer.toHexString(letter));
        }
    }

    @Test
    void symbolsNewerThanJavasUnicodeArePrintableButNoLetters() {
        // U+1FAE8 SHAKING FACE arrived in Unicode 15.
        assertTrue(GoUnicode.isPrint(0x1FAE8));
        assertFalse(GoUnicode.isLetter(0x1FAE8));
        assertFalse(Character.isDefined(0x1FAE8));
    }

    @Test
    void onlyTheAsciiSpacePrints() {
        assertTrue(GoUnicode.isPrint(' '));
        for (int space : new int[] {'\t', 0xA0, 0x2000, 0x3000}) {
            assertFalse(GoUnicode.isPrint(space), Integer.toHexString(space));
            assertTrue(GoUnicode.isSpace(space), Integer.toHexString(space));
        }
    }

    @Test
    void surrogatesAreNeitherLettersNorPrintableAndFoldToThemselves() {
        for (int surrogate : new int[] {0xD800, 0xDBFF, 0xDC00, 0xDFFF}) {
            assertFalse(GoUnicode.isLetter(surrogate));
            assertFalse(GoUnicode.isPrint(surrogate));
            assertEquals(surrogate, GoUnicode.simpleFold(surrogate));
        }
    }

    @Test
    void simpleFoldWalksTheWholeOrbitAndWraps() {
        assertEquals(List.of(0x4B, 0x6B, 0x212A, 0x4B),
                List.of(0x4B, GoUnicode.simpleFold(0x4B), GoUnicode.simpleFold(0x6B), GoUnicode.simpleFold(0x212A)));
    }

    private static void assertSameSet(String predicate, IntPredicate ours) throws IOException {
        BitSet go = ranges(GoOracle.get().text("unicode.Ranges", predicate));
        for (int r = 0; r <= MAX; r++) {
            if (ours.test(r) != go.get(r)) {
                throw outdated(String.format("at U+%04X GoUnicode says %s, Go's %s says %s", r, ours.test(r), predicate,
                        go.get(r)));
            }
        }
    }

    /**
     * The failure to report when GoUnicode and Go disagree (disagreement says where, or is empty):
     * the resource file as Go's tables make it, written to the build directory with the command
     * that installs it, or, when the source resource already is that file, the disagreement alone,
     * which then lies in GoUnicode's code (or in a stale build).
     */
    private static AssertionError outdated(String disagreement) throws IOException {
        String prefix = disagreement.isEmpty() ? "" : disagreement + "; ";
        String expected = expectedResource();
        Path resource = sourceResource();
        if (Files.isRegularFile(resource) && Files.readString(resource, StandardCharsets.US_ASCII).equals(expected)) {
            return new AssertionError(prefix + resource + " holds Go's tables, yet the build does not answer with them");
        }
        Path fresh = buildDirectory().resolve(GoUnicode.RESOURCE);
        Files.writeString(fresh, expected, StandardCharsets.US_ASCII);
        return new AssertionError(prefix + resource + " is not what the go toolchain's unicode tables make. Check the"
                + " new file and install it: cp " + fresh + " " + resource);
    }

    private static String expectedResource() {
        GoOracle oracle = GoOracle.get();
        StringBuilder out = new StringBuilder(String.format(HEADER, oracle.text("unicode.Version")));
        out.append("[letter]\n").append(oracle.text("unicode.Ranges", "unicode.IsLetter"));
        out.append("[print]\n").append(oracle.text("unicode.Ranges", "unicode.IsPrint"));
        out.append("[space]\n").append(oracle.text("unicode.Ranges", "unicode.IsSpace"));
        out.append("[fold]\n");
        encodeFolds(goSimpleFold()).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static TreeMap<Integer, Integer> goSimpleFold() {
        TreeMap<Integer, Integer> folds = new TreeMap<>();
        for (JsonNode pair : GoOracle.get().ask("unicode.SimpleFold").get("result")) {
            folds.put(pair.get(0).asInt(), pair.get(1).asInt());
        }
        return folds;
    }

    /** The [fold] lines: greedy runs, at stride 1 or 2, of code points that fold by the same delta. */
    private static List<String> encodeFolds(TreeMap<Integer, Integer> folds) {
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
            lines.add(String.format("%x %x %d %d", first, bestLast, bestStride, delta));
        }
        return lines;
    }

    private static BitSet ranges(String lines) {
        BitSet set = new BitSet(MAX + 1);
        lines.lines().forEach(line -> {
            String[] bounds = line.split(" ");
            set.set(Integer.parseInt(bounds[0], 16), Integer.parseInt(bounds[1], 16) + 1);
        });
        return set;
    }

    /** The build directory the tests run from: the parent of test-classes. */
    private static Path buildDirectory() {
        try {
            return Path.of(GoUnicodeTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path sourceResource() {
        return buildDirectory().getParent().resolve("src/main/resources/dev/gosync/gomod").resolve(GoUnicode.RESOURCE);
    }
}
