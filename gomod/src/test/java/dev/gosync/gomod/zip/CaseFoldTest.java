package dev.gosync.gomod.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** CaseFold reproduces x/mod's strToFold, on Go's simple case folding. */
class CaseFoldTest {

    @Test
    void kelvinSignLowerAndUpperKFoldTogether() {
        assertEquals("k", CaseFold.fold("K"));
        assertEquals("k", CaseFold.fold("k"));
        assertEquals("k", CaseFold.fold("\u212A"));
    }

    @Test
    void longSAndMicroSignJoinTheirOrbits() {
        assertEquals(CaseFold.fold("s"), CaseFold.fold("\u017F"));
        assertEquals(CaseFold.fold("\u03BC"), CaseFold.fold("\u00B5"));
        assertEquals(CaseFold.fold("\u03C3"), CaseFold.fold("\u03C2"));
    }

    @Test
    void dottedCapitalIAndDotlessISimpleFoldToNothing() {
        // String.toLowerCase would map U+0130 to "i̇" and toUpperCase U+0131 to "I".
        assertNotEquals(CaseFold.fold("i"), CaseFold.fold("\u0130"));
        assertNotEquals(CaseFold.fold("i"), CaseFold.fold("\u0131"));
    }

    @Test
    void supplementaryLettersFoldByCodePoint() {
        assertEquals(CaseFold.fold("\uD801\uDC00"), CaseFold.fold("\uD801\uDC28"));
    }

    @Test
    void lettersNewerThanJava17UnicodeStillFold() {
        // Vithkuqi (Unicode 14): Java 17 knows no case for it, Go does.
        assertEquals(CaseFold.fold("\uD801\uDD70"), CaseFold.fold("\uD801\uDD97"));
    }
}
