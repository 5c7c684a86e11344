package dev.gosync.gomod.module;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.module.ModulePath.SplitPath;
import dev.gosync.gomod.semver.InvalidVersionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModulePathTest {
    @Test
    void aModulePathNeedsADottedLowerCaseFirstElement() {
        assertDoesNotThrow(() -> ModulePath.checkPath("example.com/x"));
        assertEquals("malformed module path \"example/x\": missing dot in first path element",
                assertThrows(InvalidPathException.class, () -> ModulePath.checkPath("example/x")).getMessage());
        assertEquals("malformed module path \"Example.com\": invalid char 'E' in first path element",
                assertThrows(InvalidPathException.class, () -> ModulePath.checkPath("Example.com")).getMessage());
    }

    @Test
    void upperCaseIsAllowedAfterTheFirstElement() {
        assertDoesNotThrow(() -> ModulePath.checkPath("github.com/Azure/azure-sdk-for-go"));
    }

    @Test
    void theErrorNamesKindAndPath() {
        InvalidPathException e = assertThrows(InvalidPathException.class, () -> ModulePath.checkImportPath("a//b"));
        assertEquals(PathKind.IMPORT, e.kind());
        assertEquals("a//b", e.path());
        assertEquals("malformed import path \"a//b\": double slash", e.getMessage());
    }

    @Test
    void dotDotAndDotElementsAreRejectedEverywhere() {
        assertThrows(InvalidPathException.class, () -> ModulePath.checkPath("example.com/../x"));
        assertThrows(InvalidPathException.class, () -> ModulePath.checkImportPath("a/./b"));
        assertThrows(InvalidPathException.class, () -> ModulePath.checkFilePath("a/../b"));
    }

    @Test
    void onlyModulePathsRejectLeadingDotsInElements() {
        assertThrows(InvalidPathException.class, () -> ModulePath.checkPath("example.com/.x"));
        assertDoesNotThrow(() -> ModulePath.checkImportPath("example.com/.x"));
        assertDoesNotThrow(() -> ModulePath.checkFilePath(".gitignore"));
    }

    @Test
    void importPathsAllowPlusButModulePathsDoNot() {
        assertDoesNotThrow(() -> ModulePath.checkImportPath("example.com/c++"));
        assertThrows(InvalidPathException.class, () -> ModulePath.checkPath("example.com/c++"));
    }

    @Test
    void filePathsAllowUnicodeLettersSpacesAndLeadingDashes() {
        assertDoesNotThrow(() -> ModulePath.checkFilePath("-dir/naïve file (1).txt"));
        assertThrows(InvalidPathException.class, () -> ModulePath.checkImportPath("example.com/naïve"));
    }

    @Test
    void filePathsAllowLettersNewerThanJavasUnicode() {
        // U+10570 VITHKUQI CAPITAL LETTER A, U+2C2F, U+A7C0 and U+0870 came with Unicode 14.
        assertDoesNotThrow(() -> ModulePath.checkFilePath("\uD801\uDD70/\u2C2F\uA7C0\u0870.go"));
    }

    @Test
    void filePathsRejectNewSymbolsNamingThemUnescapedAsGoPrintsThem() {
        // U+1FAE8 SHAKING FACE (Unicode 15) prints, so Go's %q shows it as itself.
        assertEquals("malformed file path \"a/\uD83E\uDEE8\": invalid char '\uD83E\uDEE8'",
                assertThrows(InvalidPathException.class, () -> ModulePath.checkFilePath("a/\uD83E\uDEE8")).getMessage());
    }

    @Test
    void windowsDeviceNamesAreRejectedInAnyCaseBeforeTheFirstDot() {
        assertEquals("malformed file path \"a/Con.txt\": \"Con\" disallowed as path element component on Windows",
                assertThrows(InvalidPathException.class, () -> ModulePath.checkFilePath("a/Con.txt")).getMessage());
        assertDoesNotThrow(() -> ModulePath.checkFilePath("a/console.txt"));
        assertDoesNotThrow(() -> ModulePath.checkFilePath("a/x.con"));
    }

    @Test
    void windowsShortNameLookalikesAreRejectedExceptInFilePaths() {
        assertThrows(InvalidPathException.class, () -> ModulePath.checkImportPath("example.com/PROGRA~1"));
        assertDoesNotThrow(() -> ModulePath.checkImportPath("example.com/x~"));
        assertDoesNotThrow(() -> ModulePath.checkFilePath("PROGRA~1"));
    }

    @Test
    void loneSurrogatesAreInvalidUtf8() {
        assertEquals("malformed file path \"a\\xed\\xa0\\x80\": invalid UTF-8",
                assertThrows(InvalidPathException.class, () -> ModulePath.checkFilePath("a\uD800")).getMessage());
    }

    @Test
    void majorVersionSuffixesMustBeTwoOrMoreWithoutLeadingZero() {
        assertEquals(Optional.of(new SplitPath("example.com/x", "/v2")), ModulePath.splitPathVersion("example.com/x/v2"));
        assertEquals(Optional.of(new SplitPath("example.com/x", "")), ModulePath.splitPathVersion("example.com/x"));
        assertEquals(Optional.empty(), ModulePath.splitPathVersion("example.com/x/v1"));
        assertEquals(Optional.empty(), ModulePath.splitPathVersion("example.com/x/v0"));
        assertEquals(Optional.empty(), ModulePath.splitPathVersion("example.com/x/v02"));
        assertEquals(Optional.empty(), ModulePath.splitPathVersion("example.com/x/v2.1"));
        assertEquals("malformed module path \"example.com/x/v1\": invalid version",
                assertThrows(InvalidPathException.class, () -> ModulePath.checkPath("example.com/x/v1")).getMessage());
    }

    @Test
    void gopkgInPathsNeedADotVSuffixWhereZeroIsAllowed() {
        assertEquals(Optional.of(new SplitPath("gopkg.in/yaml", ".v0")), ModulePath.splitPathVersion("gopkg.in/yaml.v0"));
        assertEquals(Optional.of(new SplitPath("gopkg.in/yaml", ".v2-unstable")),
                ModulePath.splitPathVersion("gopkg.in/yaml.v2-unstable"));
        assertEquals(Optional.empty(), ModulePath.splitPathVersion("gopkg.in/yaml"));
    }

    @Test
    void aPathWithoutSuffixTakesV0V1AndIncompatible() {
        assertTrue(ModulePath.matchPathMajor("v1.5.0", ""));
        assertTrue(ModulePath.matchPathMajor("v3.0.0+incompatible", ""));
        assertFalse(ModulePath.matchPathMajor("v2.0.0", ""));
        assertEquals("version \"v2.0.0\" invalid: should be v0 or v1, not v2",
                assertThrows(InvalidVersionException.class, () -> ModulePath.checkPathMajor("v2.0.0", "")).getMessage());
    }

    @Test
    void aSuffixRequiresItsMajorVersion() {
        assertTrue(ModulePath.matchPathMajor("v2.1.0", "/v2"));
        assertFalse(ModulePath.matchPathMajor("v3.0.0", "/v2"));
        assertTrue(ModulePath.matchPathMajor("v2.1.0", ".v2-unstable"));
    }

    @Test
    void gopkgInV1AcceptsOldV0PseudoVersions() {
        assertTrue(ModulePath.matchPathMajor("v0.0.0-20161208181325-20d25e280405", ".v1"));
        assertFalse(ModulePath.matchPathMajor("v0.1.0", ".v1"));
    }

    @Test
    void checkNamesPathAndVersion() {
        assertDoesNotThrow(() -> ModulePath.check("example.com/x/v2", "v2.0.0"));
        assertEquals("example.com/x/v2@v1.0.0: invalid version: should be v2, not v1",
                assertThrows(InvalidVersionException.class, () -> ModulePath.check("example.com/x/v2", "v1.0.0"))
                        .getMessage());
        assertEquals("example.com/x@latest: invalid version: not a semantic version",
                assertThrows(InvalidVersionException.class, () -> ModulePath.check("example.com/x", "latest"))
                        .getMessage());
    }

    @Test
    void canonicalVersionKeepsIncompatibleButNoOtherBuild() {
        assertEquals("v2.0.0+incompatible", ModulePath.canonicalVersion("v2.0.0+incompatible"));
        assertEquals("v2.0.0", ModulePath.canonicalVersion("v2.0.0+build"));
        assertEquals("", ModulePath.canonicalVersion("v2.x"));
    }
}
