package dev.gosync.gomod.resolve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The go lines that change resolution. */
class GoVersionsTest {
    @Test
    void pruningStartsAtGo117AndAMissingGoLineMeans116() {
        assertFalse(GoVersions.prunes(""));
        assertFalse(GoVersions.prunes("1.16"));
        assertTrue(GoVersions.prunes("1.17"));
        assertTrue(GoVersions.prunes("1.21.0"));
    }
}
