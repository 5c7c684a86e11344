package dev.gosync.gomod.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.semver.VersionStrings;
import dev.gosync.gomod.semver.XModOracle;
import dev.gosync.gomod.semver.XModOracle.Outcome;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ModulePath and Escaping agree with x/mod's module package, error messages included, on a
 * curated corpus and on generated paths and versions.
 */
class ModulePathDifferentialTest {
    static Stream<String> paths() {
        return PathStrings.CORPUS.stream();
    }

    static Stream<String> versions() {
        return VersionStrings.CORPUS.stream();
    }

    @ParameterizedTest
    @MethodSource("paths")
    void corpusPathsAreJudgedAsXModJudgesThem(String path) {
        assertPathAgrees(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD801\uDD70", "\u2C2F", "\uA7C0", "\u0870"})
    void filePathsAcceptLettersNewerThanJavasUnicodeAsXModDoes(String letter) {
        String path = "dir/" + letter + ".go";
        assertEquals(new Outcome("true", null), XModOracle.outcome("module.CheckFilePath", path));
        assertPathAgrees(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83E\uDEE8", "\u0378", "\uD83E\uDEE8\u0870"})
    void filePathsRejectNonLettersNewerThanJavasUnicodeAsXModDoes(String name) {
        // U+1FAE8 (Unicode 15) is a printable symbol, U+0378 is unassigned: both invalid, quoted differently.
        String path = "dir/" + name;
        assertTrue(XModOracle.outcome("module.CheckFilePath", path).failed());
        assertPathAgrees(path);
    }

    @Property(tries = 3000)
    void generatedPathsAreJudgedAsXModJudgesThem(@ForAll("generatedPaths") String path) {
        assertPathAgrees(path);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void corpusVersionsAreEscapedAsXModEscapesThem(String v) {
        assertVersionAgrees(v);
    }

    @Property(tries = 2000)
    void generatedVersionsAreEscapedAsXModEscapesThem(@ForAll("generatedVersions") String v) {
        assertVersionAgrees(v);
    }

    @Property(tries = 2000)
    void pathVersionPairsAreCheckedAsXModChecksThem(@ForAll("likelyPaths") String path,
                                                    @ForAll("generatedVersions") String v) {
        String input = path + "@" + v;
        XModOracle.outcome("module.Check", path, v).assertSame(Outcome.ofCheck(() -> ModulePath.check(path, v)), input);
        String pathMajor = ModulePath.splitPathVersion(path).map(ModulePath.SplitPath::pathMajor).orElse("");
        XModOracle.outcome("module.CheckPathMajor", v, pathMajor)
                .assertSame(Outcome.ofCheck(() -> ModulePath.checkPathMajor(v, pathMajor)), input);
        assertEquals(XModOracle.bool("module.MatchPathMajor", v, pathMajor), ModulePath.matchPathMajor(v, pathMajor), input);
    }

    @Property(tries = 1000)
    void pathMajorsOfAnyShapeAreMatchedAsXModMatchesThem(@ForAll("generatedVersions") String v,
                                                         @ForAll("pathMajors") String pathMajor) {
        XModOracle.outcome("module.CheckPathMajor", v, pathMajor)
                .assertSame(Outcome.ofCheck(() -> ModulePath.checkPathMajor(v, pathMajor)), v + " " + pathMajor);
    }

    @Provide
    Arbitrary<String> generatedPaths() {
        return PathStrings.paths();
    }

    @Provide
    Arbitrary<String> likelyPaths() {
        return Arbitraries.oneOf(Arbitraries.of("example.com/x", "example.com/x/v2", "example.com/x/v10",
                "gopkg.in/yaml.v1", "gopkg.in/yaml.v0", "gopkg.in/yaml.v3-unstable"), PathStrings.paths());
    }

    @Provide
    Arbitrary<String> generatedVersions() {
        return VersionStrings.versions();
    }

    @Provide
    Arbitrary<String> pathMajors() {
        return Arbitraries.of("", "/v2", "/v3", ".v0", ".v1", ".v2", ".v1-unstable", ".v-unstable", "v2", "/v", "x",
                "-unstable", "/v2-unstable");
    }

    private static void assertPathAgrees(String path) {
        XModOracle.outcome("module.CheckPath", path).assertSame(Outcome.ofCheck(() -> ModulePath.checkPath(path)), path);
        XModOracle.outcome("module.CheckImportPath", path)
                .assertSame(Outcome.ofCheck(() -> ModulePath.checkImportPath(path)), path);
        XModOracle.outcome("module.CheckFilePath", path)
                .assertSame(Outcome.ofCheck(() -> ModulePath.checkFilePath(path)), path);
        List<Object> split = ModulePath.splitPathVersion(path)
                .<List<Object>>map(s -> List.of(XModOracle.asReturned(s.prefix()), s.pathMajor(), true))
                .orElse(List.of(XModOracle.asReturned(path), "", false));
        XModOracle.outcome("module.SplitPathVersion", path).assertSame(new Outcome(json(split), null), path);
        XModOracle.outcome("module.EscapePath", path).assertSame(Outcome.of(() -> Escaping.escapePath(path)), path);
        XModOracle.outcome("module.UnescapePath", path).assertSame(Outcome.of(() -> Escaping.unescapePath(path)), path);
    }

    private static void assertVersionAgrees(String v) {
        Outcome escaped = XModOracle.outcome("module.EscapeVersion", v);
        Outcome ours = Outcome.of(() -> Escaping.escapeVersion(v));
        if (v.chars().allMatch(c -> c < 0x80)) {
            escaped.assertSame(ours, v);
        } else {
            // x/mod fails non-ASCII letters with an internal-error message; ours says why.
            escaped.assertSameIgnoringMessage(ours, v);
        }
        XModOracle.outcome("module.UnescapeVersion", v).assertSame(Outcome.of(() -> Escaping.unescapeVersion(v)), v);
        assertEquals(XModOracle.text("module.CanonicalVersion", v), ModulePath.canonicalVersion(v), v);
    }

    private static String json(List<Object> values) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
