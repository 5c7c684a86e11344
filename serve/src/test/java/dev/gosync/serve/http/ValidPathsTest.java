package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The cache of valid request paths is filled before the access check and whether or not the
 * mirror holds the module, so any client can fill it with paths it makes up: its bound must
 * hold against that.
 */
class ValidPathsTest {

    @Test
    void aRepeatedPathIsAnsweredFromTheCache() {
        ValidPaths known = new ValidPaths();
        RequestTarget first = RequestTarget.parse("/example.com/lib/@v/list", known);
        assertSame(first, RequestTarget.parse("/example.com/lib/@v/list", known));
        assertEquals(1, known.size());
    }

    @Test
    void manyDistinctLongValidPathsStayWithinTheCharacterBound() {
        ValidPaths known = new ValidPaths();
        String filler = "x".repeat(200);
        long offered = 0;
        for (int i = 0; i < 40_000; i++) {
            String relative = "example.com/" + filler + "/m" + i + "/@v/list";
            assertInstanceOf(RequestTarget.Module.class, RequestTarget.parse("/" + relative, known));
            offered += relative.length();
            assertTrue(known.retainedChars() <= ValidPaths.MAX_TOTAL_CHARS, "retained " + known.retainedChars());
            assertTrue(known.size() <= ValidPaths.MAX_ENTRIES, "size " + known.size());
        }
        assertTrue(offered > 3 * ValidPaths.MAX_TOTAL_CHARS, "the test offered more than the bound");
    }

    @Test
    void manyDistinctShortValidPathsStayWithinTheEntryBound() {
        ValidPaths known = new ValidPaths();
        for (int i = 0; i < 2 * ValidPaths.MAX_ENTRIES + 7; i++) {
            RequestTarget.parse("/a.b/m" + i + "/@v/list", known);
            assertTrue(known.size() <= ValidPaths.MAX_ENTRIES, "size " + known.size());
        }
    }

    @Test
    void aVeryLongValidPathIsParsedButNotKept() {
        ValidPaths known = new ValidPaths();
        String relative = "example.com/" + "long/".repeat(1300) + "m/@v/list";
        assertTrue(relative.length() > 6000);
        RequestTarget target = RequestTarget.parse("/" + relative, known);
        assertInstanceOf(RequestTarget.Module.class, target);
        assertNull(known.get(relative));
        assertEquals(0, known.size());
        assertEquals(0, known.retainedChars());
    }
}
