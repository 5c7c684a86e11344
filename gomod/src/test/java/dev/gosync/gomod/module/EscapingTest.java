package dev.gosync.gomod.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gosync.gomod.semver.InvalidVersionException;
import org.junit.jupiter.api.Test;

class EscapingTest {
    @Test
    void upperCaseLettersBecomeBangAndLowerCase() {
        assertEquals("github.com/!azure/!s!d!k", Escaping.escapePath("github.com/Azure/SDK"));
        assertEquals("v1.0.0-!r!c1", Escaping.escapeVersion("v1.0.0-RC1"));
    }

    @Test
    void pathsWithoutUpperCaseAreUnchanged() {
        assertEquals("golang.org/x/text", Escaping.escapePath("golang.org/x/text"));
    }

    @Test
    void unescapingReversesEscaping() {
        assertEquals("github.com/Azure/SDK", Escaping.unescapePath("github.com/!azure/!s!d!k"));
        assertEquals("v1.0.0-RC1", Escaping.unescapeVersion("v1.0.0-!r!c1"));
    }

    @Test
    void anInvalidPathCannotBeEscaped() {
        assertThrows(InvalidPathException.class, () -> Escaping.escapePath("Example.com/x"));
    }

    @Test
    void aVersionWithBangOrNonAsciiCannotBeEscaped() {
        assertEquals("version \"v1!\" invalid: disallowed version string",
                assertThrows(InvalidVersionException.class, () -> Escaping.escapeVersion("v1!")).getMessage());
        assertThrows(InvalidVersionException.class, () -> Escaping.escapeVersion("vé"));
    }

    @Test
    void nonSemanticVersionsSuchAsBranchNamesCanBeEscaped() {
        assertEquals("!master", Escaping.escapeVersion("Master"));
    }

    @Test
    void unescapedUpperCaseIsRejected() {
        InvalidPathException e = assertThrows(InvalidPathException.class, () -> Escaping.unescapePath("github.com/Azure"));
        assertEquals("invalid escaped module path \"github.com/Azure\"", e.getMessage());
        assertEquals("github.com/Azure", e.path());
    }

    @Test
    void aBangMustBeFollowedByALowerCaseLetter() {
        assertThrows(InvalidPathException.class, () -> Escaping.unescapePath("github.com/!"));
        assertThrows(InvalidPathException.class, () -> Escaping.unescapePath("github.com/!!x"));
        assertThrows(InvalidPathException.class, () -> Escaping.unescapePath("github.com/!1"));
        assertThrows(InvalidVersionException.class, () -> Escaping.unescapeVersion("v1.0.0!"));
    }

    @Test
    void theUnescapedPathMustBeValid() {
        assertEquals("invalid escaped module path \"!example.com\": malformed module path \"Example.com\": "
                        + "invalid char 'E' in first path element",
                assertThrows(InvalidPathException.class, () -> Escaping.unescapePath("!example.com")).getMessage());
    }

    @Test
    void theUnescapedVersionMustBeAFileName() {
        assertEquals("invalid escaped version \"v1/2\": invalid char '/'",
                assertThrows(InvalidVersionException.class, () -> Escaping.unescapeVersion("v1/2")).getMessage());
    }
}
