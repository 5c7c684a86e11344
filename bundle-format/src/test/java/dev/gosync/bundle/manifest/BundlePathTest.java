package dev.gosync.bundle.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BundlePathTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "example.com/mod/@v/list",
        "github.com/!azure/go-autorest/@v/v14.2.0+incompatible.zip",
        "golang.org/x/mod/@v/v0.43.0.info",
        "a",
        ".hidden/file",
        "x/..y/z..",
    })
    void acceptsSafeRelativePaths(String path) {
        assertEquals(path, BundlePath.check(path));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/etc/passwd|absolute",
        "../evil|\"..\" element",
        "a/../../evil|\"..\" element",
        "a/./b|\".\" element",
        "a//b|empty element",
        "a/b/|empty element",
        "a\\b|backslash",
        "a b|not printable ASCII",
        "caf\u00e9|not printable ASCII",
    })
    void refusesUnsafePathsNamingTheRule(String path, String rule) {
        ManifestException e = assertThrows(ManifestException.class, () -> BundlePath.check(path));
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void refusesControlCharactersAndEmptyAndOverlongPaths() {
        assertThrows(ManifestException.class, () -> BundlePath.check("a\nb"));
        assertThrows(ManifestException.class, () -> BundlePath.check("a\u0000b"));
        assertThrows(ManifestException.class, () -> BundlePath.check(""));
        assertThrows(ManifestException.class, () -> BundlePath.check("a".repeat(BundlePath.MAX_LENGTH + 1)));
    }

    @Test
    void reservesTheBundleDirectoryForItsOwnEntries() {
        ManifestException e = assertThrows(ManifestException.class,
                () -> BundlePath.check(".gosync-bundle/manifest.json"));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        assertEquals(".gosync-bundle-not/x", BundlePath.check(".gosync-bundle-not/x"));
    }

    @Property(tries = 1000)
    void anyStringIsEitherSafeOrRefusedCleanly(@ForAll String path) {
        try {
            BundlePath.check(path);
            assertTrue(!path.startsWith("/") && !("/" + path + "/").contains("/../"), path);
        } catch (ManifestException e) {
            assertTrue(e.getMessage().startsWith("invalid bundle path"));
        }
    }
}
