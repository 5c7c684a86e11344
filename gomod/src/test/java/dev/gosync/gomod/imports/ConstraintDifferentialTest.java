package dev.gosync.gomod.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.gomod.semver.XModOracle;
import dev.gosync.gomod.semver.XModOracle.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Build-constraint lines and file headers, made up at random from the pieces that matter,
 * judged by Go's own {@code go/build/constraint} and {@code go/build} (through the oracle).
 */
class ConstraintDifferentialTest {
    private static final List<String> EXPR_TOKENS = List.of("a", "b", "linux", "ignore", "go1.21", "386", "x_y", "ä",
            "&&", "||", "!", "(", ")", " ", " ", "\t", "&", "|", ",", "!!", "-", "é2", "\u00a0");
    private static final List<String> PREFIXES = List.of("//go:build ", "//go:build", "// +build ", "//+build ",
            "//go:buildx ", "// go:build ", "//  +build\t", "// +build");

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> body = Arbitraries.of(EXPR_TOKENS).list().ofMaxSize(12).map(l -> String.join("", l));
        return Arbitraries.of(PREFIXES).flatMap(p -> body.map(b -> p + b));
    }

    @Property(tries = 1500)
    void constraintLinesParseAsGoParsesThem(@ForAll("lines") String line) {
        Outcome go = XModOracle.outcome("constraint.Parse", line);
        Outcome ours = Outcome.of(() -> BuildLines.parse(line).toString());
        assertEquals(go, ours, line);
        assertEquals(XModOracle.bool("constraint.IsGoBuild", line), BuildLines.isGoBuild(line), line);
        assertEquals(XModOracle.bool("constraint.IsPlusBuild", line), BuildLines.isPlusBuild(line), line);
    }

    /**
     * Header lines whose constraints use only the tag {@code ignore}: for those, "any tags" and a
     * plain linux/amd64 build agree, so go/build's answer is the go command's.
     */
    private static final List<String> HEADER_LINES = List.of("", "", "// comment", "//go:build ignore",
            "//go:build !ignore", "// +build ignore", "// +build !ignore", "//+build ignore,!ignore", "/* block */",
            "/* multi", "line */", "/* a */ /* b */", "/* c */ // d", "  \t", "//go:build ignore || !ignore",
            "//go:build (ignore", "package p", "import \"fmt\"", "var x = 1", "// +build", "/*", "*/");

    @Provide
    Arbitrary<String> headers() {
        return Arbitraries.of(HEADER_LINES).list().ofMaxSize(8)
                .map(l -> String.join("\n", l) + "\n\npackage p\n");
    }

    @Property(tries = 1500)
    void fileHeadersDecideTheBuildAsGoBuildDoes(@ForAll("headers") String content) {
        boolean go = XModOracle.bool("build.MatchFile", content);
        boolean ours = AnyTags.shouldBuild(ImportScan.read(content.getBytes(StandardCharsets.UTF_8)).header());
        assertEquals(go, ours, content);
    }
}
