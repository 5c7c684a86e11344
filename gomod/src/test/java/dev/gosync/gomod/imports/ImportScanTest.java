package dev.gosync.gomod.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportScanTest {
    private static ImportScan read(String source) {
        return ImportScan.read(source.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(String source) {
        return new String(read(source).header(), StandardCharsets.UTF_8);
    }

    @Test
    void readsPackageClauseAndEveryImportForm() {
        ImportScan scan = read("// doc\npackage foo // trailing\n\nimport \"a\"\nimport (\n\tb \"x/b\"\n\t. `c`\n\t_ \"d\\x2fe\"\n)\n"
                + "import /* c */ f \"f\"; import \"g\"\n\nfunc main() {}\n");
        assertEquals("foo", scan.packageName());
        assertEquals(List.of("\"a\"", "\"x/b\"", "`c`", "\"d\\x2fe\"", "\"f\"", "\"g\""), scan.quotedImports());
        assertEquals(List.of("a", "x/b", "c", "d/e", "f", "g"), scan.imports());
        assertEquals(ImportScan.Failure.NONE, scan.failure());
    }

    @Test
    void headerEndsBeforeTheFirstByteAfterTheImports() {
        assertEquals("package p\n\nimport \"a\"\n\n", header("package p\n\nimport \"a\"\n\nvar x = 1\n"));
        assertEquals("package p\n", header("package p\n"));
        assertEquals("package p; ", header("package p; var x int"));
    }

    @Test
    void byteOrderMarkIsDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'p', 'a', 'c', 'k', 'a', 'g', 'e', ' ', 'p'};
        ImportScan scan = ImportScan.read(bom);
        assertEquals("p", scan.packageName());
        assertEquals("package p", new String(scan.header(), StandardCharsets.UTF_8));
    }

    @Test
    void syntaxErrorsReadTheWholeFileAndKeepImportsSeenSoFar() {
        ImportScan scan = read("package p\nimport \"a\"\nimport (\n\t\"b\"\n\t3\n)\nrest\n");
        assertEquals(ImportScan.Failure.SYNTAX, scan.failure());
        assertEquals(List.of("a", "b"), scan.imports());
        assertEquals("package p\nimport \"a\"\nimport (\n\t\"b\"\n\t3\n)\nrest\n", new String(scan.header(), StandardCharsets.UTF_8));
        assertEquals(ImportScan.Failure.SYNTAX, read("// no package clause\n").failure());
        assertEquals(ImportScan.Failure.SYNTAX, read("package p\nimport \"unterminated\n\"\n").failure());
        assertEquals(ImportScan.Failure.SYNTAX, read("package p /* unterminated").failure());
        assertEquals(ImportScan.Failure.SYNTAX, read("packagex p").failure());
    }

    @Test
    void aNulByteIsNotText() {
        assertEquals(ImportScan.Failure.NUL, read("package p\nimport \"a\u0000\"\n").failure());
    }

    @Test
    void shouldBuildLooksOnlyAtTheLeadingComments() {
        assertFalse(AnyTags.shouldBuild(read("//go:build ignore\n\npackage p\n").header()));
        assertFalse(AnyTags.shouldBuild(read("// +build ignore\n\npackage p\n").header()));
        assertTrue(AnyTags.shouldBuild(read("// +build ignore\npackage p\n").header()), "a +build line must be followed by a blank line");
        assertTrue(AnyTags.shouldBuild(read("package p\n\n//go:build ignore\n").header()), "after the package clause it is a comment");
        assertFalse(AnyTags.shouldBuild(read("/* block */\n//go:build ignore\n\npackage p\n").header()));
        assertFalse(AnyTags.shouldBuild(read("//go:build linux\n//go:build !linux\n\npackage p\n").header()),
                "two //go:build lines exclude the file");
        assertFalse(AnyTags.shouldBuild(read("//go:build (\n\npackage p\n").header()), "a malformed //go:build excludes the file");
        assertTrue(AnyTags.shouldBuild(read("//go:build !ignore\n// +build ignore\n\npackage p\n").header()),
                "//go:build wins over +build");
    }
}
