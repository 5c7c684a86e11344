package dev.gosync.gomod.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemverTest {
    @Test
    void shortFormsAreValidAndCanonicalizeWithZeros() {
        assertEquals("v1.0.0", Semver.canonical("v1"));
        assertEquals("v1.2.0", Semver.canonical("v1.2"));
    }

    @Test
    void shortFormsCannotCarryPrereleaseOrBuild() {
        assertFalse(Semver.isValid("v1-pre"));
        assertFalse(Semver.isValid("v1.2+build"));
    }

    @Test
    void leadingVIsRequired() {
        assertFalse(Semver.isValid("1.2.3"));
        assertEquals("", Semver.canonical("1.2.3"));
    }

    @Test
    void numbersWithLeadingZerosAreInvalid() {
        assertFalse(Semver.isValid("v01.2.3"));
        assertFalse(Semver.isValid("v1.02.3"));
        assertFalse(Semver.isValid("v1.2.03"));
        assertTrue(Semver.isValid("v0.0.0"));
    }

    @Test
    void numericPrereleaseIdentifiersMustNotHaveLeadingZeros() {
        assertFalse(Semver.isValid("v1.2.3-01"));
        assertTrue(Semver.isValid("v1.2.3-0a"));
        assertTrue(Semver.isValid("v1.2.3-0"));
    }

    @Test
    void buildIdentifiersMayHaveLeadingZeros() {
        assertTrue(Semver.isValid("v1.2.3+01"));
    }

    @Test
    void emptyIdentifiersAreInvalid() {
        assertFalse(Semver.isValid("v1.2.3-"));
        assertFalse(Semver.isValid("v1.2.3-a..b"));
        assertFalse(Semver.isValid("v1.2.3+"));
        assertFalse(Semver.isValid("v1.2.3+a."));
    }

    @Test
    void canonicalDropsBuildMetadataIncludingIncompatible() {
        assertEquals("v1.2.3-pre", Semver.canonical("v1.2.3-pre+build"));
        assertEquals("v2.0.0", Semver.canonical("v2.0.0+incompatible"));
    }

    @Test
    void numbersAreComparedWithoutBounds() {
        String huge = "v1.99999999999999999999.0";
        String huger = "v1.100000000000000000000.0";
        assertTrue(Semver.isValid(huge));
        assertEquals(-1, Semver.compare(huge, huger));
        assertEquals(1, Semver.compare("v1.10.0", "v1.9.0"));
    }

    @Test
    void aPrereleaseSortsBeforeItsRelease() {
        assertEquals(-1, Semver.compare("v1.2.3-rc.1", "v1.2.3"));
    }

    @Test
    void prereleaseIdentifiersCompareNumbersBelowWordsAndNumbersByValue() {
        assertEquals(-1, Semver.compare("v1.0.0-2", "v1.0.0-10"));
        assertEquals(-1, Semver.compare("v1.0.0-99", "v1.0.0-a"));
        assertEquals(-1, Semver.compare("v1.0.0-B", "v1.0.0-a"));
    }

    @Test
    void aLongerPrereleaseWinsWhenTheShorterIsItsPrefix() {
        assertEquals(-1, Semver.compare("v1.0.0-alpha", "v1.0.0-alpha.1"));
    }

    @Test
    void buildMetadataDoesNotAffectPrecedence() {
        assertEquals(0, Semver.compare("v1.0.0+a", "v1.0.0+b"));
        assertEquals(0, Semver.compare("v1", "v1.0.0"));
    }

    @Test
    void invalidVersionsAreEqualToEachOtherAndBelowValidOnes() {
        assertEquals(0, Semver.compare("bad", "worse"));
        assertEquals(-1, Semver.compare("bad", "v0.0.0-0"));
        assertEquals(1, Semver.compare("v0.0.0-0", ""));
    }

    @Test
    void majorAndMajorMinorKeepTheirSpelling() {
        assertEquals("v2", Semver.major("v2.1.0"));
        assertEquals("v2.1", Semver.majorMinor("v2.1.0"));
        assertEquals("v2.0", Semver.majorMinor("v2"));
        assertEquals("", Semver.major("v2.x"));
    }

    @Test
    void prereleaseAndBuildIncludeTheirSeparator() {
        assertEquals("-pre.1", Semver.prerelease("v1.2.3-pre.1+b"));
        assertEquals("+b", Semver.build("v1.2.3-pre.1+b"));
        assertEquals("", Semver.prerelease("v1.2.3+b-c"));
    }

    @Test
    void maxReturnsTheCanonicalFormOfTheLarger() {
        assertEquals("v1.3.0", Semver.max("v1.2.9", "v1.3"));
        assertEquals("v1.0.0", Semver.max("bad", "v1"));
        assertEquals("", Semver.max("bad", "worse"));
    }

    @Test
    void sortBreaksPrecedenceTiesByByteOrder() {
        List<String> list = new ArrayList<>(List.of("v1.0.0+b", "v1", "bad", "v1.0.0", "v1.0.0+a", "abc"));
        Semver.sort(list);
        assertEquals(List.of("abc", "bad", "v1", "v1.0.0", "v1.0.0+a", "v1.0.0+b"), list);
    }

    @Test
    void sortOrdersInvalidStringsByUtf8BytesNotUtf16Units() {
        // U+1F600 is a surrogate pair in UTF-16 (D83D …), below U+FF01 there but above it in UTF-8.
        List<String> list = new ArrayList<>(List.of("\uD83D\uDE00", "\uFF01"));
        Semver.sort(list);
        assertEquals(List.of("\uFF01", "\uD83D\uDE00"), list);
    }
}
