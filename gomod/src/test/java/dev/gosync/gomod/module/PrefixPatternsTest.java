package dev.gosync.gomod.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.semver.XModOracle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PrefixPatternsTest {
    @Test
    void aGlobMatchesAsManyLeadingElementsAsItHas() {
        assertTrue(PrefixPatterns.matches("*.corp.example", "git.corp.example/team/repo"));
        assertTrue(PrefixPatterns.matches("example.com/team", "example.com/team/repo/v2"));
        assertFalse(PrefixPatterns.matches("example.com/team/repo", "example.com/team"));
    }

    @Test
    void aGlobDoesNotMatchALongerElement() {
        assertFalse(PrefixPatterns.matches("corp.example", "corp.example.evil/x"));
    }

    @Test
    void anyGlobInTheListMayMatch() {
        assertTrue(PrefixPatterns.matches("a.com,b.com", "b.com/x"));
    }

    @Test
    void emptyAndMalformedGlobsAreIgnoredAndTrailingSlashesTrimmed() {
        assertTrue(PrefixPatterns.matches(",[,b.com/", "b.com/x"));
        assertFalse(PrefixPatterns.matches("", "b.com"));
        assertFalse(PrefixPatterns.matches("b.com[", "b.com"));
    }

    @Property(tries = 3000)
    void generatedGlobListsMatchAsXModMatchPrefixPatterns(@ForAll("globLists") String globs, @ForAll("targets") String target) {
        assertEquals(XModOracle.bool("module.MatchPrefixPatterns", globs, target), PrefixPatterns.matches(globs, target),
                () -> globs + " ~ " + target);
    }

    @Provide
    Arbitrary<String> globLists() {
        return Arbitraries.of("*", "?", "[", "]", "^", "-", "\\", ",", ",", "/", "/", "a", "b", ".", "corp",
                "example.com", "*.corp.example", "[a-z]", "[^a]", "é", "\uD800").list().ofMaxSize(8)
                .map(p -> String.join("", p));
    }

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.of("a", "b", "/", "/", ".", "corp", "example.com", "git.corp.example", "é", "\uD800", "-", "x")
                .list().ofMaxSize(6).map(p -> String.join("", p));
    }
}
