package dev.gosync.gomod.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PseudoVersionTest {
    private static final Instant COMMIT = Instant.parse("2019-11-09T02:19:31Z");
    private static final String REV = "daa7c04131f5";

    @Test
    void withoutATagTheBaseIsTheMajorVersionZeroZero() {
        assertEquals("v0.0.0-20191109021931-daa7c04131f5", PseudoVersion.build("", "", COMMIT, REV));
        assertEquals("v2.0.0-20191109021931-daa7c04131f5", PseudoVersion.build("v2", "", COMMIT, REV));
    }

    @Test
    void aReleaseTagGivesTheNextPatchWithZeroPrerelease() {
        assertEquals("v1.2.4-0.20191109021931-daa7c04131f5", PseudoVersion.build("v1", "v1.2.3", COMMIT, REV));
        assertEquals("v1.2.1000-0.20191109021931-daa7c04131f5", PseudoVersion.build("v1", "v1.2.999", COMMIT, REV));
    }

    @Test
    void aPrereleaseTagIsExtendedWithZero() {
        assertEquals("v1.2.3-pre.0.20191109021931-daa7c04131f5", PseudoVersion.build("v1", "v1.2.3-pre", COMMIT, REV));
    }

    @Test
    void theTagsBuildMetadataIsKept() {
        assertEquals("v2.0.1-0.20191109021931-daa7c04131f5+incompatible",
                PseudoVersion.build("", "v2.0.0+incompatible", COMMIT, REV));
    }

    @Test
    void theTimeStampIsInUtc() {
        Instant local = OffsetDateTime.parse("2019-11-09T04:19:31.999+02:00").toInstant();
        assertEquals("v0.0.0-20191109021931-daa7c04131f5", PseudoVersion.build("", "", local, REV));
    }

    @Test
    void partsAreReadBack() {
        String v = "v1.2.4-0.20191109021931-daa7c04131f5+incompatible";
        assertTrue(PseudoVersion.isPseudoVersion(v));
        assertEquals("v1.2.3+incompatible", PseudoVersion.base(v));
        assertEquals(COMMIT, PseudoVersion.time(v));
        assertEquals(REV, PseudoVersion.revision(v));
    }

    @Test
    void theFirstShapeHasNoBase() {
        assertEquals("", PseudoVersion.base("v0.0.0-20191109021931-daa7c04131f5"));
    }

    @Test
    void thePrereleaseShapeHasThePrereleaseTagAsBase() {
        assertEquals("v1.2.3-pre", PseudoVersion.base("v1.2.3-pre.0.20191109021931-daa7c04131f5"));
    }

    @Test
    void aPatchDecrementRemovesTheCarry() {
        assertEquals("v1.2.9", PseudoVersion.base("v1.2.10-0.20191109021931-daa7c04131f5"));
    }

    @Test
    void aZeroPatchWithZeroPrereleaseHasNoBase() {
        InvalidVersionException e = assertThrows(InvalidVersionException.class,
                () -> PseudoVersion.base("v1.2.0-0.20191109021931-daa7c04131f5"));
        assertEquals("v1.2.0-0.20191109021931-daa7c04131f5", e.version());
        assertTrue(e.getMessage().contains("negative patch number"), e.getMessage());
    }

    @Test
    void theFirstShapeWithBuildMetadataIsRejected() {
        assertThrows(InvalidVersionException.class,
                () -> PseudoVersion.base("v2.0.0-20191109021931-daa7c04131f5+incompatible"));
    }

    @Test
    void aTaggedVersionIsNoPseudoVersion() {
        assertFalse(PseudoVersion.isPseudoVersion("v1.2.3"));
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> PseudoVersion.revision("v1.2.3"));
        assertEquals("pseudo-version \"v1.2.3\" invalid: syntax error", e.getMessage());
    }

    @Test
    void anImpossibleDateIsAMalformedTime() {
        String v = "v0.0.0-20190230000000-daa7c04131f5";
        assertTrue(PseudoVersion.isPseudoVersion(v));
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> PseudoVersion.time(v));
        assertEquals("pseudo-version \"" + v + "\" invalid: malformed time \"20190230000000\"", e.getMessage());
    }

    @Test
    void theZeroPseudoVersionIsRecognizedForAnyMajor() {
        assertEquals("v0.0.0-00010101000000-000000000000", PseudoVersion.zero(""));
        assertTrue(PseudoVersion.isZeroPseudoVersion("v3.0.0-00010101000000-000000000000"));
        assertFalse(PseudoVersion.isZeroPseudoVersion("v3.0.0-00010101000000-000000000001"));
    }
}
