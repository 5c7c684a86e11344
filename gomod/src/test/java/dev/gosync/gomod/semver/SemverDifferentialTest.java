package dev.gosync.gomod.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.gomod.semver.XModOracle.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Semver function gives x/mod's semver answer, on a curated corpus and on generated strings. */
class SemverDifferentialTest {
    static Stream<String> corpus() {
        return VersionStrings.CORPUS.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void corpusVersionsAgreeWithXMod(String v) {
        assertAgreesOnOneVersion(v);
    }

    @Property(tries = 2000)
    void generatedVersionsAgreeWithXMod(@ForAll("versions") String v) {
        assertAgreesOnOneVersion(v);
    }

    @Property(tries = 1500)
    void generatedPairsCompareAsXModDoes(@ForAll("versions") String v, @ForAll("versions") String w) {
        String input = v + " vs " + w;
        new Outcome(XModOracle.text("semver.Compare", v, w), null)
                .assertSame(new Outcome(Integer.toString(Semver.compare(v, w)), null), input);
        new Outcome(XModOracle.text("semver.Max", v, w), null)
                .assertSame(new Outcome(Semver.max(v, w), null), input);
    }

    @Property(tries = 300)
    void sortingGeneratedListsAgreesWithXMod(@ForAll("versionLists") List<String> versions) {
        JsonNode reply = XModOracle.ask("semver.Sort", versions.toArray(String[]::new));
        List<String> expected = new ArrayList<>();
        reply.get("result").forEach(n -> expected.add(n.asText()));
        List<String> ours = new ArrayList<>(versions);
        Semver.sort(ours);
        assertEquals(expected, ours.stream().map(XModOracle::asReturned).toList(), () -> "sorting " + versions);
    }

    @Provide
    Arbitrary<String> versions() {
        return VersionStrings.versions();
    }

    @Provide
    Arbitrary<List<String>> versionLists() {
        return VersionStrings.versions().list().ofMaxSize(15);
    }

    private static void assertAgreesOnOneVersion(String v) {
        assertEquals(XModOracle.bool("semver.IsValid", v), Semver.isValid(v), () -> "isValid " + v);
        assertEquals(XModOracle.text("semver.Canonical", v), Semver.canonical(v), () -> "canonical " + v);
        assertEquals(XModOracle.text("semver.Major", v), Semver.major(v), () -> "major " + v);
        assertEquals(XModOracle.text("semver.MajorMinor", v), Semver.majorMinor(v), () -> "majorMinor " + v);
        assertEquals(XModOracle.text("semver.Prerelease", v), Semver.prerelease(v), () -> "prerelease " + v);
        assertEquals(XModOracle.text("semver.Build", v), Semver.build(v), () -> "build " + v);
    }
}
