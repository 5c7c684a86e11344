package dev.gosync.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The static rules (the go command's behaviour for them is checked in RepositoryLookupGoCommandTest). */
class CodeHostRulesTest {
    private static Optional<CodeHostRules.Match> match(String path) {
        return CodeHostRules.match(CodeHostRules.BEFORE_DISCOVERY, path, m -> { });
    }

    @Test
    void aCodeHostPathMapsToItsRepositoryWhateverFollowsTheRepositoryName() {
        assertEquals(Optional.of(new CodeHostRules.Match("github.com/org/repo", "git", "https://github.com/org/repo", false)),
                match("github.com/org/repo/v2/internal/x"));
        assertEquals("https://bitbucket.org/team/r", match("bitbucket.org/team/r/sub").orElseThrow().repo());
    }

    @Test
    void aQualifiedPathNamesItsSystemAndLeavesTheSchemeOpen() {
        assertEquals(Optional.of(new CodeHostRules.Match("corp.example:8443/~me/repo.git", "git",
                "corp.example:8443/~me/repo", true)), match("corp.example:8443/~me/repo.git/sub"));
        assertEquals("hg", match("corp.example/a/b.hg").orElseThrow().vcs());
    }

    @Test
    void otherPathsNeedDiscovery() {
        assertTrue(match("corp.example/team/repo").isEmpty());
        assertTrue(match("github.company.example/x/y").isEmpty(), "a host merely starting like a code host");
    }
}
