package dev.gosync.gomod.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VendorFilesTest {
    private static SourceFile file(String name, String content) {
        return SourceFile.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everythingButTestsIgnoredFilesAndModernGoModsIsCopied() {
        assertTrue(VendorFiles.copied(file("a.go", "package a\n"), "1.21"));
        assertTrue(VendorFiles.copied(file("a_windows_arm64.go", "package a\n"), "1.21"));
        assertTrue(VendorFiles.copied(file("a.go", "//go:build linux && !linux\n\npackage a\n"), "1.21"));
        assertTrue(VendorFiles.copied(file("data.bin", "\u0000"), "1.21"));
        assertTrue(VendorFiles.copied(file("nul.go", "package a\u0000"), "1.21"), "unreadable Go files are kept");
        assertFalse(VendorFiles.copied(file("a_test.go", "package a\n"), "1.21"));
        assertFalse(VendorFiles.copied(file("gen.go", "//go:build ignore\n\npackage main\n"), "1.21"));
        assertFalse(VendorFiles.copied(file("go.mod", "module a\n"), "1.17"));
        assertFalse(VendorFiles.copied(file("go.sum", ""), "1.26"));
        assertTrue(VendorFiles.copied(file("go.mod", "module a\n"), "1.16"));
    }

    @Test
    void legalFilesAreRecognisedByCaseSensitivePrefix() {
        for (String name : List.of("LICENSE", "LICENSE.md", "COPYING.txt", "NOTICE", "PATENTS", "AUTHORS", "CONTRIBUTORS",
                "COPYLEFT", "COPYRIGHT", "LEGAL")) {
            assertTrue(VendorFiles.isMetadata(name), name);
        }
        for (String name : List.of("README", "license", "License.txt", "LICENCE")) {
            assertFalse(VendorFiles.isMetadata(name), name);
        }
    }

    private static final List<SourceFile> EMBEDDING = List.of(
            file("a.go", "package a\n\nimport _ \"embed\"\n\n//go:embed a.txt\nvar s string\n"),
            file("a_test.go", "package a\n\nimport _ \"embed\"\n\n//go:embed t.txt\nvar t string\n"),
            file("b_test.go", "package a_test\n\nimport _ \"embed\"\n\n//go:embed x.txt\nvar x string\n"),
            file("doc.go", "package documentation\n\nimport _ \"embed\"\n\n//go:embed doc.txt\nvar d string\n"),
            file("c.go", "package a\n\nimport \"C\"\nimport _ \"embed\"\n\n//go:embed c.txt\nvar c string\n"),
            file("_hidden.go", "package a\n\nimport _ \"embed\"\n\n//go:embed h.txt\nvar h string\n"),
            file("ign.go", "//go:build ignore\n\npackage a\n\nimport _ \"embed\"\n\n//go:embed i.txt\nvar i string\n"));

    @Test
    void testEmbedsCountBelowGo122Only() {
        assertEquals(List.of("a.txt", "c.txt", "i.txt", "t.txt", "x.txt"), VendorFiles.embedPatterns("a", EMBEDDING, "1.21", true));
        assertEquals(List.of("a.txt", "c.txt", "i.txt"), VendorFiles.embedPatterns("a", EMBEDDING, "1.22", true));
    }

    @Test
    void cgoFilesCountOnlyWithCgo() {
        assertEquals(List.of("a.txt", "i.txt"), VendorFiles.embedPatterns("a", EMBEDDING, "1.22", false));
    }

    @Test
    void aBrokenGoFileStopsVendoringUnlessAnotherPackageNameCameFirst() {
        List<SourceFile> broken = List.of(file("a.go", "package a\n"), file("b.go", "package a\nimport (\"x\" 3)\n"));
        GoFileException e = assertThrows(GoFileException.class, () -> VendorFiles.embedPatterns("m/a", broken, "1.22", true));
        assertTrue(e.getMessage().contains("m/a/b.go"), e.getMessage());

        List<SourceFile> mixed = List.of(file("a.go", "package a\n"), file("b.go", "package b\n"),
                file("c.go", "package a\nimport (\"x\" 3)\n"));
        assertEquals(List.of(), VendorFiles.embedPatterns("m/a", mixed, "1.22", true));
    }
}
