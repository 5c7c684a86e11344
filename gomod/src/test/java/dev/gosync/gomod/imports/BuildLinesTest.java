package dev.gosync.gomod.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BuildLinesTest {
    @Test
    void goBuildExpressionsPrintAsGoPrintsThem() {
        assertEquals("a && (b || !c)", BuildLines.parse("//go:build a && (b || !c)").toString());
        assertEquals("a || (b && c)", BuildLines.parse("//go:build a || (b && c)").toString());
        assertEquals("!(a && b)", BuildLines.parse("//go:build !(a&&b)\n").toString());
        assertEquals("linux && 386 && go1.21", BuildLines.parse("//go:build linux && 386 && go1.21").toString());
    }

    @Test
    void legacyLinesMeanOrOfAndsWithBadTermsNeverTrue() {
        assertEquals("(linux && !cgo) || darwin", BuildLines.parse("// +build linux,!cgo darwin").toString());
        assertEquals("ignore", BuildLines.parse("// +build").toString());
        assertEquals("ignore", BuildLines.parse("//+build !!x").toString());
        assertEquals("!ignore", BuildLines.parse("// +build !a-b").toString());
    }

    @Test
    void onlyTheExactKeywordsMakeConstraintLines() {
        assertTrue(BuildLines.isGoBuild("//go:build"));
        assertTrue(BuildLines.isGoBuild("//go:build\tx"));
        assertFalse(BuildLines.isGoBuild("//go:buildx"));
        assertFalse(BuildLines.isGoBuild("// go:build x"));
        assertFalse(BuildLines.isGoBuild("//go:build x\n//go:build y"));
        assertTrue(BuildLines.isPlusBuild("//  +build x"));
        assertFalse(BuildLines.isPlusBuild("// +buildx"));
    }

    @Test
    void malformedExpressionsAreRefusedWithGosWording() {
        assertEquals("unexpected end of expression", message("//go:build a &&"));
        assertEquals("missing close paren", message("//go:build (a"));
        assertEquals("double negation not allowed", message("//go:build !!a"));
        assertEquals("invalid syntax at &", message("//go:build a & b"));
        assertEquals("unexpected token b", message("//go:build a b"));
        assertEquals("not a build constraint", message("// just a comment"));
    }

    @Test
    void anyTagsSatisfiesEverythingButIgnore() {
        assertTrue(AnyTags.satisfiable(BuildLines.parse("//go:build linux && !linux")));
        assertTrue(AnyTags.satisfiable(BuildLines.parse("//go:build !ignore")));
        assertFalse(AnyTags.satisfiable(BuildLines.parse("//go:build ignore")));
        assertFalse(AnyTags.satisfiable(BuildLines.parse("//go:build ignore && linux")));
        assertTrue(AnyTags.satisfiable(BuildLines.parse("//go:build ignore || windows")));
        assertFalse(AnyTags.satisfiable(BuildLines.parse("// +build !!x")));
    }

    private static String message(String line) {
        return assertThrows(InvalidConstraintException.class, () -> BuildLines.parse(line)).getMessage();
    }
}
