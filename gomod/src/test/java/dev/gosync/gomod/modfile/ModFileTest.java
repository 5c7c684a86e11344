package dev.gosync.gomod.modfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.module.ModuleVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a parsed go.mod file says, directive by directive. */
class ModFileTest {

    private static ModFile parse(String text) {
        return ModFile.parse("go.mod", text.getBytes(StandardCharsets.UTF_8));
    }

    private static ModFile parseLax(String text) {
        return ModFile.parseLax("go.mod", text.getBytes(StandardCharsets.UTF_8));
    }

    private static ModuleVersion mv(String path, String version) {
        return new ModuleVersion(path, version);
    }

    @Test
    void readsModulePathGoVersionAndToolchain() {
        ModFile f = parse("module \"example.com/m\"\ngo 1.21.3\ntoolchain go1.22.1\n");
        assertEquals(Optional.of("example.com/m"), f.modulePath());
        assertEquals(Optional.of("1.21.3"), f.goVersion());
        assertEquals(Optional.of("go1.22.1"), f.toolchain());
    }

    @Test
    void absentDirectivesReadAsEmpty() {
        ModFile f = parse("");
        assertEquals(Optional.empty(), f.modulePath());
        assertEquals(Optional.empty(), f.goVersion());
        assertEquals(Optional.empty(), f.toolchain());
        assertEquals(Optional.empty(), f.deprecation());
        assertEquals(List.of(), f.requirements());
    }

    @Test
    void requirementsAreMarkedIndirectByTheirFirstEndOfLineComment() {
        ModFile f = parse("""
                require (
                \texample.com/a v1.0.0 // indirect
                \texample.com/b v1.0.0 //indirect
                \texample.com/c v1.0.0 // indirect; used by tests
                \texample.com/d v1.0.0
                \texample.com/e v1.0.0 // indirect ; spaced
                \texample.com/f v1.0.0 // Indirect
                \texample.com/g v1.0.0 // indirect;
                )
                """);
        assertEquals(List.of(true, true, true, false, false, false, false),
                f.requirements().stream().map(Requirement::indirect).toList());
    }

    @Test
    void requirementVersionsAreCanonicalized() {
        ModFile f = parse("""
                require (
                \texample.com/a v1.2
                \texample.com/b v1
                \texample.com/c v1.2.3+build
                \texample.com/d v2.0.0+incompatible
                )
                """);
        assertEquals(List.of(mv("example.com/a", "v1.2.0"), mv("example.com/b", "v1.0.0"), mv("example.com/c", "v1.2.3"),
                mv("example.com/d", "v2.0.0+incompatible")), f.requirements().stream().map(Requirement::module).toList());
    }

    @Test
    void exclusionsKeepFileOrderAndDuplicates() {
        ModFile f = parse("exclude example.com/a v1.1\nexclude (\n\texample.com/b v1.0.0\n\texample.com/a v1.1.0\n)\n");
        assertEquals(List.of(mv("example.com/a", "v1.1.0"), mv("example.com/b", "v1.0.0"), mv("example.com/a", "v1.1.0")),
                f.exclusions());
    }

    @Test
    void replacementsOfEveryVersionHaveNoOldVersion() {
        Replacement r = parse("replace example.com/a => example.com/b v1.0.0\n").replacements().get(0);
        assertTrue(r.coversAllVersions());
        assertEquals(mv("example.com/a", ""), r.old());
    }

    @Test
    void replacementsOfOneVersionKeepIt() {
        Replacement r = parse("replace example.com/a v1.2 => example.com/b v1.3\n").replacements().get(0);
        assertFalse(r.coversAllVersions());
        assertEquals(mv("example.com/a", "v1.2.0"), r.old());
        assertEquals(mv("example.com/b", "v1.3.0"), r.target());
        assertFalse(r.isDirectory());
    }

    @Test
    void replacementsByDirectoryHaveNoTargetVersion() {
        ModFile f = parse("""
                replace (
                \texample.com/a => ./a
                \texample.com/b => ../b
                \texample.com/c => /abs/c
                \texample.com/d => .
                \texample.com/e => C:/e
                \texample.com/f => "./with space"
                )
                """);
        assertEquals(List.of("./a", "../b", "/abs/c", ".", "C:/e", "./with space"),
                f.replacements().stream().map(r -> r.target().path()).toList());
        assertTrue(f.replacements().stream().allMatch(Replacement::isDirectory));
    }

    @Test
    void everyReplacementIsListedEvenWhenALaterOneOverridesIt() {
        ModFile f = parse("replace example.com/a => ./one\nreplace example.com/a => ./two\n");
        assertEquals(List.of("./one", "./two"), f.replacements().stream().map(r -> r.target().path()).toList());
    }

    @Test
    void retractionOfOneVersionHasEqualBounds() {
        Retraction r = parse("module example.com/m\nretract v1.0.1\n").retractions().get(0);
        assertEquals(new Retraction("v1.0.1", "v1.0.1", ""), r);
    }

    @Test
    void retractionIntervalsKeepTheirBoundsAsWritten() {
        List<Retraction> r =
                parse("module example.com/m\nretract [v1.0.0, v1.2]\nretract [\"v2.0.0\", junk]\n").retractions();
        assertEquals(List.of(new Retraction("v1.0.0", "v1.2", ""), new Retraction("v2.0.0", "junk", "")), r);
    }

    @Test
    void retractionRationaleIsTheLinesCommentsAboveAndAfter() {
        Retraction r = parse("""
                module example.com/m
                // Published too early.
                //   Use v1.0.2.
                retract v1.0.1 // see issue 7
                """).retractions().get(0);
        assertEquals("Published too early.\nUse v1.0.2.\nsee issue 7", r.rationale());
    }

    @Test
    void retractionRationaleFallsBackToTheBlocksComments() {
        List<Retraction> r = parse("""
                // Broken builds.
                retract (
                \tv1.0.0
                \t// Own reason.
                \tv1.1.0
                )
                """).retractions();
        assertEquals(List.of("Broken builds.", "Own reason."), r.stream().map(Retraction::rationale).toList());
    }

    @Test
    void deprecationIsTheParagraphStartingWithDeprecated() {
        ModFile f = parse("""
                // A module.
                //
                // Deprecated:   use example.com/new
                // instead.
                //
                // Deprecated: a second notice is ignored.
                module example.com/old
                """);
        assertEquals(Optional.of("use example.com/new\ninstead."), f.deprecation());
    }

    @Test
    void deprecationMayStandInTheEndOfLineComment() {
        assertEquals(Optional.of("gone"), parse("module example.com/old // Deprecated: gone\n").deprecation());
    }

    @Test
    void deprecationMustStartAParagraphWithTheExactWord() {
        assertEquals(Optional.empty(), parse("// deprecated: lower case\nmodule example.com/m\n").deprecation());
        assertEquals(Optional.empty(), parse("// Not Deprecated: mid-line\nmodule example.com/m\n").deprecation());
        assertEquals(Optional.empty(), parse("// Deprecated:\nmodule example.com/m\n").deprecation());
    }

    @Test
    void deprecationIsMissedAfterALeadingEmptyComment() {
        // An empty "//" line adds an empty line to the text, so the notice starts neither the
        // text nor a paragraph: x/mod finds no deprecation here.
        assertEquals(Optional.empty(), parse("//\n// Deprecated: hidden.\nmodule example.com/m\n").deprecation());
    }

    @Test
    void deprecationOfAModuleBlockComesFromTheBlockComments() {
        ModFile f = parse("// Deprecated: old.\nmodule (\n\texample.com/m\n)\n");
        assertEquals(Optional.of("example.com/m"), f.modulePath());
        assertEquals(Optional.of("old."), f.deprecation());
    }

    @Test
    void godebugSettingsSplitAtTheFirstEqualsSign() {
        ModFile f = parse("godebug (\n\ta=b=c\n\t=empty\n\tkey=\n)\n");
        assertEquals(List.of(new Godebug("a", "b=c"), new Godebug("", "empty"), new Godebug("key", "")), f.godebugs());
    }

    @Test
    void toolsAndIgnoresAreUnquotedPaths() {
        ModFile f = parse("tool \"example.com/cmd/x\"\ntool example.com/cmd/y\nignore \"./node modules\"\n");
        assertEquals(List.of("example.com/cmd/x", "example.com/cmd/y"), f.tools());
        assertEquals(List.of("./node modules"), f.ignores());
    }

    @Test
    void quotedValuesAreUnescaped() {
        ModFile f = parse("replace example.com/a => \"./\\u00e9t\\u00e9\\t\\x41\"\n");
        assertEquals("./été\tA", f.replacements().get(0).target().path());
    }

    @Test
    void invalidUtf8ReadsAsReplacementCharacters() {
        byte[] content = "replace example.com/a => ./d\u0000\n".getBytes(StandardCharsets.UTF_8);
        content[content.length - 2] = (byte) 0xff;
        ModFile f = ModFile.parse("go.mod", content);
        assertEquals("./d\ufffd", f.replacements().get(0).target().path());
    }

    @Test
    void laxParsingSkipsDirectivesThatOnlyMainModulesUse() {
        ModFile f = parseLax("""
                module example.com/dep
                go 1.21
                toolchain go1.22.0
                godebug x=1
                exclude example.com/a v1.0.0
                replace example.com/a => ./a
                tool example.com/cmd
                require example.com/b v1.0.0
                """);
        assertEquals(Optional.empty(), f.toolchain());
        assertEquals(List.of(), f.godebugs());
        assertEquals(List.of(), f.exclusions());
        assertEquals(List.of(), f.replacements());
        assertEquals(List.of(), f.tools());
        assertEquals(List.of(new Requirement(mv("example.com/b", "v1.0.0"), false)), f.requirements());
    }

    @Test
    void laxParsingSkipsUnknownAndMalformedSkippedDirectives() {
        ModFile f = parseLax("module example.com/dep\nfuture directive here\nexclude what ever\nnewblock (\n\tx\n)\n");
        assertEquals(Optional.of("example.com/dep"), f.modulePath());
    }

    @Test
    void laxParsingCutsAMalformedGoVersionToMajorMinor() {
        assertEquals(Optional.of("1.21"), parseLax("go 1.21beta\n").goVersion());
        assertEquals(Optional.of("1.17"), parseLax("go v1.17x\n").goVersion());
        assertThrows(ModFileException.class, () -> parseLax("go v1.17\n"));
        assertThrows(ModFileException.class, () -> parse("go 1.21beta\n"));
    }

    @Test
    void laxParsingSkipsMalformedRetractions() {
        ModFile f = parseLax("module example.com/dep\nretract [v1.0.0 v1.1.0]\nretract v1.2.0 because\nretract v1.3.0\n");
        assertEquals(List.of(new Retraction("v1.2.0", "v1.2.0", ""), new Retraction("v1.3.0", "v1.3.0", "")),
                f.retractions());
    }

    @Test
    void laxParsingStillChecksWhatItReads() {
        assertThrows(ModFileException.class, () -> parseLax("require example.com/a v1.x\n"));
        assertThrows(ModFileException.class, () -> parseLax("module example.com/a\nmodule example.com/b\n"));
        assertThrows(ModFileException.class, () -> parseLax("exclude (\n"));
    }

    @Test
    void formatRewritesIntoTheStandardForm() {
        ModFile f = parse("module   \"example.com/m\"\nrequire (\n  example.com/a v1.2\n)\n\n\n");
        assertEquals("module example.com/m\n\nrequire example.com/a v1.2.0\n",
                new String(f.format(), StandardCharsets.UTF_8));
    }

    @Test
    void formatRefusesLaxlyParsedFiles() {
        assertThrows(IllegalStateException.class, () -> parseLax("module example.com/m\n").format());
    }

    @Test
    void parsingCopiesTheInput() {
        byte[] content = "module example.com/m\n".getBytes(StandardCharsets.UTF_8);
        ModFile f = ModFile.parse("go.mod", content);
        content[7] = 'X';
        assertArrayEquals("module example.com/m\n".getBytes(StandardCharsets.UTF_8), f.format());
    }
}
