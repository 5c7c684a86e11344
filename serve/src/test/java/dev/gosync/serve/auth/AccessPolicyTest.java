package dev.gosync.serve.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.GosyncException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy file's syntax: where comments start, and what an error says about a bad line. */
class AccessPolicyTest {

    @Test
    void aHashInsideASecretIsPartOfTheSecret() {
        AccessPolicy policy = AccessPolicy.parse(List.of(
                "user  alice pw#1   corp.example/a  # alice's team",
                "token tok#en       corp.example/b"), "policy.conf");
        assertEquals(AccessPolicy.Verdict.ALLOW, policy.decide(basic("alice", "pw#1"), "corp.example/a/x").verdict());
        assertEquals(AccessPolicy.Verdict.CHALLENGE, policy.decide(basic("alice", "pw"), "corp.example/a/x").verdict());
        assertEquals(AccessPolicy.Verdict.ALLOW, policy.decide("Bearer tok#en", "corp.example/b/x").verdict());
    }

    @Test
    void aHashAtTheStartOfALineOrAfterWhitespaceStartsAComment() {
        AccessPolicy policy = AccessPolicy.parse(List.of(
                "# the whole line",
                "   # indented",
                "public example.com #trailing, no space after the hash",
                "public other.example\t# after a tab"), "policy.conf");
        assertEquals(AccessPolicy.Verdict.ALLOW, policy.decide(null, "example.com/x").verdict());
        assertEquals(AccessPolicy.Verdict.ALLOW, policy.decide(null, "other.example/x").verdict());
        assertEquals(AccessPolicy.Verdict.CHALLENGE, policy.decide(null, "corp.example/x").verdict());
    }

    @Test
    void aMalformedLineIsNamedWithItsNumberAndWhatIsWrong() {
        GosyncException e = assertThrows(GosyncException.class, () -> AccessPolicy.parse(List.of(
                "public example.com",
                "",
                "user alice corp.example/a"), "policy.conf"));
        assertTrue(e.getMessage().contains("policy.conf:3"), e.getMessage());
        assertTrue(e.getMessage().contains("user takes a name, a secret and a pattern list")
                && e.getMessage().contains("2 fields after user"), e.getMessage());
        e = assertThrows(GosyncException.class, () -> AccessPolicy.parse(List.of("token"), "p"));
        assertTrue(e.getMessage().contains("p:1") && e.getMessage().contains("nothing after token"), e.getMessage());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
