package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without --from, vendor uses GOPROXY only as the user set it (environment or the go env file);
 * the go command's built-in default is never a mirror. Hermetic: the environment is a map and HOME
 * a temporary directory; no go command runs.
 */
class UserGoproxyTest {
    @TempDir
    Path home;

    @Test
    void unsetEverywhereMeansNoMirrorAndVendorRefusesNamingFrom() {
        Optional<String> none = UserGoproxy.of(Map.of("HOME", home.toString()), "Linux");
        assertEquals(Optional.empty(), none);

        GosyncException e = assertThrows(GosyncException.class, () -> VendorCommand.defaultMirror(GoEnvironment.of(Map.of())));
        assertTrue(e.getMessage().contains("is not set"), e.getMessage());
        assertTrue(e.remedy().contains("--from"), e.remedy());
    }

    @Test
    void theEnvironmentVariableWins() throws IOException {
        writeEnvFile(home.resolve(".config/go/env"), "GOPROXY=http://127.0.0.1:1/\n");
        assertEquals(Optional.of("file:///srv/m"),
                UserGoproxy.of(Map.of("HOME", home.toString(), "GOPROXY", "file:///srv/m"), "Linux"));
    }

    @Test
    void theGoEnvFileIsReadWhereTheGoCommandLooks() throws IOException {
        writeEnvFile(home.resolve(".config/go/env"), "GOFLAGS=-mod=mod\nGOPROXY=http://127.0.0.1:8080/\n");
        assertEquals(Optional.of("http://127.0.0.1:8080/"), UserGoproxy.of(Map.of("HOME", home.toString()), "Linux"));

        Path xdg = home.resolve("xdg");
        writeEnvFile(xdg.resolve("go/env"), "GOPROXY=file:///xdg\n");
        assertEquals(Optional.of("file:///xdg"),
                UserGoproxy.of(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString()), "Linux"));

        Path explicit = home.resolve("my-go-env");
        writeEnvFile(explicit, "GOPROXY=file:///explicit\n");
        assertEquals(Optional.of("file:///explicit"),
                UserGoproxy.of(Map.of("HOME", home.toString(), "GOENV", explicit.toString()), "Linux"));
        assertEquals(Optional.empty(), UserGoproxy.of(Map.of("HOME", home.toString(), "GOENV", "off"), "Linux"));
    }

    private static void writeEnvFile(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
