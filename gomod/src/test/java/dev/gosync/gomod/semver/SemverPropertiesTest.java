package dev.gosync.gomod.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/** Invariants of Semver and PseudoVersion on arbitrary input, and their robustness against junk. */
class SemverPropertiesTest {
    @Property(tries = 2000)
    void anyStringIsAnsweredWithoutAnExceptionOrOnlyWithInvalidVersionException(@ForAll("anything") String v) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            Semver.isValid(v);
            Semver.canonical(v);
            Semver.major(v);
            Semver.majorMinor(v);
            Semver.prerelease(v);
            Semver.build(v);
            Semver.compare(v, "v1.0.0");
            PseudoVersion.isPseudoVersion(v);
            PseudoVersion.isZeroPseudoVersion(v);
            onlyInvalidVersion(() -> PseudoVersion.base(v));
            onlyInvalidVersion(() -> PseudoVersion.time(v));
            onlyInvalidVersion(() -> PseudoVersion.revision(v));
        });
    }

    @Property(tries = 2000)
    void canonicalFormIsValidStableAndEqualInPrecedence(@ForAll("anything") String v) {
        Assume.that(Semver.isValid(v));
        String c = Semver.canonical(v);
        assertTrue(Semver.isValid(c));
        assertEquals(c, Semver.canonical(c));
        assertEquals(0, Semver.compare(v, c));
    }

    @Property(tries = 2000)
    void compareIsAntisymmetric(@ForAll("anything") String v, @ForAll("anything") String w) {
        assertEquals(-Semver.compare(w, v), Semver.compare(v, w));
    }

    @Property(tries = 2000)
    void aBuiltPseudoVersionReadsBackItsTagTimeAndRevision(@ForAll("tags") String tag, @ForAll("seconds") long seconds,
                                                           @ForAll("revisions") String rev) {
        Instant time = Instant.ofEpochSecond(seconds);
        String v = PseudoVersion.build("v0", tag, time, rev);
        assertTrue(PseudoVersion.isPseudoVersion(v), v);
        assertEquals(time, PseudoVersion.time(v));
        assertEquals(rev, PseudoVersion.revision(v));
        assertEquals(tag, PseudoVersion.base(v));
        assertEquals(1, Semver.compare(v, tag), "a pseudo-version sorts above its base");
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), VersionStrings.versions());
    }

    @Provide
    Arbitrary<String> tags() {
        Arbitrary<String> number = Arbitraries.of("0", "1", "9", "10", "99", "100", "99999999999999999999");
        Arbitrary<String> prerelease = Arbitraries.of("", "", "-pre", "-rc.1", "-0", "-0.0", "-alpha.beta.2", "-x-y", "-0a");
        return Combinators.combine(number, number, number, prerelease).as((a, b, c, p) -> "v" + a + "." + b + "." + c + p);
    }

    @Provide
    Arbitrary<Long> seconds() {
        return Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
    }

    @Provide
    Arbitrary<String> revisions() {
        return Arbitraries.strings().withCharRange('a', 'f').numeric().ofMinLength(1).ofMaxLength(40);
    }

    private static void onlyInvalidVersion(Runnable call) {
        try {
            call.run();
        } catch (InvalidVersionException expected) {
            // The one exception the contract allows.
        }
    }
}
