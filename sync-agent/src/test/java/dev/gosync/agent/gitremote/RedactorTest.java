package dev.gosync.agent.gitremote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Credentials never reach a message: a personal access token written as the user name
 * ({@code https://TOKEN@host}) is as secret as a password, so the whole user info goes.
 */
class RedactorTest {
    @Test
    void aTokenAsTheUserNameIsRemoved() {
        assertEquals("cannot fetch https://127.0.0.1:1/x.git: refused",
                Redactor.redact("cannot fetch https://ghp_SECRET1234@127.0.0.1:1/x.git: refused"));
    }

    @Test
    void aUserAndPasswordAreRemovedTogether() {
        assertEquals("see https://host.example/x", Redactor.redact("see https://me:t0ken@host.example/x"));
    }

    @Test
    void theSecretsOfAUrlAreItsUserInfoAndItsParts() {
        assertEquals(List.of(), Redactor.secrets("https://host.example/x@y"));
        assertEquals(List.of("ghp_SECRET", "ghp_SECRET"), Redactor.secrets("https://ghp_SECRET@host.example/x"));
        assertEquals(List.of("me:p%40ss", "me", "p%40ss", "me:p@ss", "me", "p@ss"),
                Redactor.secrets("https://me:p%40ss@host.example/x"));
    }

    @Test
    void aSecretRepeatedOutsideAUrlIsRedactedToo() {
        String shown = Redactor.redact("auth failed for ghp_SECRET at https://ghp_SECRET@h.example/x",
                Redactor.secrets("https://ghp_SECRET@h.example/x"));
        assertFalse(shown.contains("SECRET"), shown);
    }

    @Test
    void whatIsStoredHasNoUserInfo() {
        assertEquals("https://h.example/x.git", Redactor.withoutUserInfo("https://ghp_SECRET@h.example/x.git"));
    }
}
