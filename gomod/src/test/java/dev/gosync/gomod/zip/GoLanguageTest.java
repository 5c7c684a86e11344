package dev.gosync.gomod.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The go-line comparison that picks the vendor rule follows go/version.Lang and Compare. */
class GoLanguageTest {

    @ParameterizedTest(name = "go {0} is at least 1.24: {1}")
    @CsvSource({
        "1.24, true", "1.24.0, true", "1.24.7, true", "1.24rc1, true", "1.25, true", "1.100, true",
        "2, true", "2.0, true", "1.24-custom, true",
        "1.23, false", "1.23.9, false", "1.9, false", "1, false", "1.0, false",
        // No language version: a prerelease of a patch release, leading zeros, junk.
        "1.25.1rc1, false", "1.024, false", "01.24, false", "1.24.x, false", "1.24RC1, false", "'', false", "go1.24, false"
    })
    void comparesLanguageVersions(String goLine, boolean atLeast124) {
        assertEquals(atLeast124, GoLanguage.atLeast(goLine, 1, 24));
    }
}
