package dev.gosync.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.env.GoEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoAuthTest {
    private static final Optional<Path> NETRC = Optional.of(Path.of("/nonexistent/.netrc"));

    @ParameterizedTest
    @ValueSource(strings = {"netrc", " netrc ", "netrc;netrc", "netrc extra words"})
    void netrcMethodReadsTheNetrcFile(String goauth) {
        assertInstanceOf(NetrcCredentials.class, GoAuth.parse(goauth, NETRC));
    }

    @Test
    void offMeansNoCredentials() {
        assertSame(CredentialProvider.NONE, GoAuth.parse("off", NETRC));
    }

    @Test
    void netrcWithoutAFileToReadGivesNoCredentials() {
        assertSame(CredentialProvider.NONE, GoAuth.parse("netrc", Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ";", "netrc;", " ; netrc", "off;netrc", "netrc;off"})
    void malformedValuesAreRefused(String goauth) {
        GoAuthException e = assertThrows(GoAuthException.class, () -> GoAuth.parse(goauth, NETRC));
        assertTrue(e.getMessage().startsWith("GOAUTH"), e.getMessage());
    }

    @Test
    void gitAndCommandsAreNotSupportedYetAndCommandsAreNotEchoed() {
        GoAuthException git = assertThrows(GoAuthException.class, () -> GoAuth.parse("git /src/repo", NETRC));
        assertTrue(git.getMessage().contains("not supported by gosync yet"), git.getMessage());
        GoAuthException command = assertThrows(GoAuthException.class,
                () -> GoAuth.parse("netrc; my-helper --token=T0PSECRET", NETRC));
        assertFalse(command.getMessage().contains("T0PSECRET"), command.getMessage());
        assertTrue(command.remedy().contains("GOAUTH=netrc"), command.remedy());
    }

    @Test
    void environmentDefaultsToNetrcInTheHomeDirectory(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve(".netrc"), "machine p.test login l password p\n");
        CredentialProvider provider = GoAuth.fromEnvironment(GoEnvironment.of(Map.of("HOME", home.toString())));
        assertTrue(provider.authorization(URI.create("https://p.test/m/@v/list")).isPresent());
        assertEquals(Optional.empty(), provider.authorization(URI.create("https://q.test/m/@v/list")));
    }
}
