package dev.gosync.gomod.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.gomod.semver.XModOracle.Outcome;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** PseudoVersion reads and builds pseudo-versions exactly as x/mod's module/pseudo.go does. */
class PseudoVersionDifferentialTest {
    /** RFC 3339 as the oracle parses it; the fraction shows that it is dropped. */
    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GO_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    static Stream<String> corpus() {
        return VersionStrings.CORPUS.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void corpusVersionsAreReadAsXModReadsThem(String v) {
        assertReadsLikeXMod(v);
    }

    @Property(tries = 2000)
    void generatedVersionsAreReadAsXModReadsThem(@ForAll("versions") String v) {
        assertReadsLikeXMod(v);
    }

    @Property(tries = 1500)
    void pseudoVersionsAreBuiltAsXModBuildsThem(@ForAll("majors") String major, @ForAll("versions") String older,
                                                @ForAll("times") Instant time, @ForAll("revisions") String rev) {
        String expected = XModOracle.text("module.PseudoVersion", major, older, RFC3339.format(time), rev);
        assertEquals(expected, XModOracle.asReturned(PseudoVersion.build(major, older, time, rev)),
                () -> "build(" + major + ", " + older + ", " + time + ", " + rev + ")");
    }

    @Property(tries = 200)
    void zeroPseudoVersionsAgreeWithXMod(@ForAll("majors") String major) {
        assertEquals(XModOracle.text("module.ZeroPseudoVersion", major), XModOracle.asReturned(PseudoVersion.zero(major)));
    }

    @Provide
    Arbitrary<String> versions() {
        return VersionStrings.versions();
    }

    @Provide
    Arbitrary<String> majors() {
        return Arbitraries.oneOf(Arbitraries.of("", "v0", "v1", "v2", "v10", "v99999999999999999999"),
                VersionStrings.versions());
    }

    @Provide
    Arbitrary<Instant> times() {
        // The oracle reads RFC 3339, which allows only four-digit years.
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        return Arbitraries.oneOf(
                Arbitraries.longs().between(min, max),
                Arbitraries.longs().between(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2030-01-01T00:00:00Z").getEpochSecond()))
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Provide
    Arbitrary<String> revisions() {
        return Arbitraries.oneOf(Arbitraries.of("daa7c04131f5", "000000000000", ""),
                Arbitraries.strings().withCharRange('a', 'f').numeric().ofMaxLength(40),
                Arbitraries.strings().ofMaxLength(6));
    }

    private static void assertReadsLikeXMod(String v) {
        assertEquals(XModOracle.bool("module.IsPseudoVersion", v), PseudoVersion.isPseudoVersion(v),
                () -> "isPseudoVersion " + v);
        assertEquals(XModOracle.bool("module.IsZeroPseudoVersion", v), PseudoVersion.isZeroPseudoVersion(v),
                () -> "isZeroPseudoVersion " + v);
        XModOracle.outcome("module.PseudoVersionBase", v).assertSame(Outcome.of(() -> PseudoVersion.base(v)), v);
        XModOracle.outcome("module.PseudoVersionRev", v).assertSame(Outcome.of(() -> PseudoVersion.revision(v)), v);
        XModOracle.outcome("module.PseudoVersionTime", v)
                .assertSame(Outcome.of(() -> GO_UTC.format(PseudoVersion.time(v))), v);
    }
}
