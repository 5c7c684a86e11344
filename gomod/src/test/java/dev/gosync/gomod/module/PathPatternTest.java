package dev.gosync.gomod.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.semver.XModOracle;
import dev.gosync.gomod.semver.XModOracle.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PathPatternTest {
    /** Patterns and names from Go's own path.Match examples and the corners of its grammar. */
    static final List<List<String>> CORPUS = List.of(
            List.of("abc", "abc"), List.of("*", "abc"), List.of("*c", "abc"), List.of("a*", "a"),
            List.of("a*", "abc"), List.of("a*", "ab/c"), List.of("a*/b", "abc/b"), List.of("a*/b", "a/c/b"),
            List.of("a*b*c*d*e*/f", "axbxcxdxe/f"), List.of("a*b*c*d*e*/f", "axbxcxdxexxx/f"),
            List.of("a*b*c*d*e*/f", "axbxcxdxe/xxx/f"), List.of("a*b*c*d*e*/f", "axbxcxdxexxx/fff"),
            List.of("a*b?c*x", "abxbbxdbxebxczzx"), List.of("a*b?c*x", "abxbbxdbxebxczzy"),
            List.of("ab[c]", "abc"), List.of("ab[b-d]", "abc"), List.of("ab[e-g]", "abc"), List.of("ab[^c]", "abc"),
            List.of("ab[^b-d]", "abc"), List.of("ab[^e-g]", "abc"), List.of("a\\*b", "a*b"), List.of("a\\*b", "ab"),
            List.of("a?b", "a☺b"), List.of("a[^a]b", "a☺b"), List.of("a???b", "a☺b"), List.of("a[^a][^a][^a]b", "a☺b"),
            List.of("[a-ζ]*", "α"), List.of("*[a-ζ]", "A"), List.of("a?b", "a/b"), List.of("a*b", "a/b"),
            List.of("[\\]a]", "]"), List.of("[\\-]", "-"), List.of("[x\\-]", "x"), List.of("[x\\-]", "-"),
            List.of("[x\\-]", "z"), List.of("[\\-x]", "x"), List.of("[\\-x]", "-"), List.of("[\\-x]", "a"),
            List.of("[]a]", "]"), List.of("[-]", "-"), List.of("[x-]", "x"), List.of("[x-]", "-"), List.of("[x-]", "z"),
            List.of("[-x]", "x"), List.of("[-x]", "-"), List.of("[-x]", "a"), List.of("\\", "a"),
            List.of("[a-b-c]", "a"), List.of("[", "a"), List.of("[^", "a"), List.of("[^bc", "a"), List.of("a[", "a"),
            List.of("a[", "ab"), List.of("a[", "x"), List.of("a/b[", "x"), List.of("*x", "xxx"), List.of("", ""),
            List.of("", "a"), List.of("a", ""), List.of("*", ""), List.of("*", "/"), List.of("**", "ab"),
            List.of("a*", "a\uD800"), List.of("a?", "a\uD800"), List.of("a[^x]", "a\uD800"),
            List.of("[\uD800]", "a"), List.of("a[\uD800-\uDBFF]", "a\uD800"), List.of("*.corp.example", "git.corp.example"),
            List.of("[a-\\", "a"), List.of("[a\\", "a"), List.of("?", "\uD83D\uDE00"), List.of("[😀-😂]", "😁"));

    static Stream<List<String>> corpus() {
        return CORPUS.stream();
    }

    @Test
    void aStarStopsAtSlashes() {
        assertTrue(PathPattern.match("a*/b", "abc/b"));
        assertFalse(PathPattern.match("a*/b", "a/c/b"));
    }

    @Test
    void classesMatchRangesAndNegations() {
        assertTrue(PathPattern.match("ab[b-d]", "abc"));
        assertTrue(PathPattern.match("ab[^e-g]", "abc"));
        assertFalse(PathPattern.match("ab[^b-d]", "abc"));
    }

    @Test
    void aQuestionMarkMatchesOneWholeCharacter() {
        assertTrue(PathPattern.match("a?b", "a☺b"));
        assertTrue(PathPattern.match("?", "\uD83D\uDE00"));
    }

    @Test
    void malformedPatternsAreReportedEvenWhenTheNameCannotMatch() {
        assertThrows(PathPattern.BadPatternException.class, () -> PathPattern.match("a[", "x"));
        assertThrows(PathPattern.BadPatternException.class, () -> PathPattern.match("a\\", "a"));
        assertEquals("syntax error in pattern \"[^\"",
                assertThrows(PathPattern.BadPatternException.class, () -> PathPattern.match("[^", "a")).getMessage());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void corpusMatchesAsGoPathMatch(List<String> patternAndName) {
        assertMatchesLikeGo(patternAndName.get(0), patternAndName.get(1));
    }

    @Property(tries = 3000)
    void generatedPatternsMatchAsGoPathMatch(@ForAll("patterns") String pattern, @ForAll("names") String name) {
        assertMatchesLikeGo(pattern, name);
    }

    @Property(tries = 1000)
    void starHeavyPatternsFinishQuickly(@ForAll("starry") String pattern) {
        String name = "a".repeat(60) + "b";
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(1), () -> PathPattern.match(pattern, name));
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.of("*", "*", "?", "[", "]", "^", "-", "\\", "a", "b", "z", ".", "/", "é", "ζ", "[a-z]",
                "[^a]", "\uD800", "😀", "[]", "[-", "\\*").list().ofMaxSize(7).map(p -> String.join("", p));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("a", "b", "z", ".", "/", "-", "]", "*", "é", "ζ", "\uD800", "😀", "^", "\\")
                .list().ofMaxSize(7).map(p -> String.join("", p));
    }

    @Provide
    Arbitrary<String> starry() {
        return Arbitraries.of("*", "a", "?", "*a", "b").list().ofMaxSize(20).map(p -> String.join("", p));
    }

    private static void assertMatchesLikeGo(String pattern, String name) {
        Outcome expected = XModOracle.outcome("path.Match", pattern, name);
        Outcome ours = Outcome.of(() -> PathPattern.match(pattern, name));
        // Go's message does not name the pattern; ours does.
        expected.assertSameIgnoringMessage(ours, pattern + " ~ " + name);
    }
}
