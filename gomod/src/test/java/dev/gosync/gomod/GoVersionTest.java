package dev.gosync.gomod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoOracle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Go toolchain version order, held to the go command's own ({@code go/version.Compare}). */
class GoVersionTest {
    @Test
    void fromGo121TheLanguageVersionSortsBeforeItsReleaseCandidatesAndReleases() {
        assertTrue(GoVersion.compare("1.21", "1.21rc1") < 0);
        assertTrue(GoVersion.compare("1.21rc1", "1.21.0") < 0);
        assertTrue(GoVersion.compare("1.21beta2", "1.21rc1") < 0);
    }

    @Test
    void beforeGo121AMissingPatchMeansZero() {
        assertEquals(0, GoVersion.compare("1.16", "1.16.0"));
        assertTrue(GoVersion.compare("1.17rc1", "1.17") < 0, "a release candidate of 1.17 comes before 1.17");
    }

    @Test
    void numbersCompareAsNumbers() {
        assertTrue(GoVersion.compare("1.9", "1.10") < 0);
        assertTrue(GoVersion.compare("1.21.10", "1.21.9") > 0);
    }

    @Test
    void malformedVersionsSortFirstAndEqualEachOther() {
        assertTrue(GoVersion.compare("1.21.3rc1", "1.0") < 0, "no prerelease of a patch release");
        assertEquals(0, GoVersion.compare("", "01.2"));
        assertFalse(GoVersion.isValid("1.21.3rc1"));
    }

    @Test
    void maxPrefersTheFirstOfEqualVersions() {
        assertEquals("1.21.0", GoVersion.max("1.21rc1", "1.21.0"));
        assertEquals("1.16", GoVersion.max("1.16", "1.16.0"));
    }

    @Test
    void theLanguageVersionIsMajorAndMinorExceptForGo1() {
        assertEquals("1.21", GoVersion.lang("1.21.3"));
        assertEquals("1.21", GoVersion.lang("1.21rc1"));
        assertEquals("1", GoVersion.lang("1.0"));
        assertEquals("1", GoVersion.lang("1"));
        assertEquals("2.0", GoVersion.lang("2"));
    }

    @Property(tries = 2000)
    void orderIsTheGoCommands(@ForAll("versions") String x, @ForAll("versions") String y) {
        int expected = GoOracle.get().ask("version.Compare", x, y).get("result").asInt();
        assertEquals(expected, GoVersion.compare(x, y), () -> x + " vs " + y);
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.integers().between(0, 30).map(String::valueOf),
                Arbitraries.of("00", "01", "100", "99999999999999999999"));
        Arbitrary<String> tail = Arbitraries.oneOf(Arbitraries.just(""), number.map(n -> "." + n),
                Combinators.combine(Arbitraries.of("alpha", "beta", "rc", "x", ""), Arbitraries.of("", "1", "2", "01"))
                        .as((k, p) -> k + p));
        Arbitrary<String> wellFormed = Combinators.combine(number, number, tail, tail)
                .as((major, minor, t1, t2) -> major + "." + minor + t1 + (t1.startsWith(".") ? t2 : ""));
        return Arbitraries.oneOf(wellFormed, number, Arbitraries.strings().withChars("0123456789.rcbetalph").ofMaxLength(8));
    }
}
