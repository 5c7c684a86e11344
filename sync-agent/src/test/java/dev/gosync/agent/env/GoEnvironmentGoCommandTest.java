package dev.gosync.agent.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoSandbox;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our reading of the settings against {@code go env -json} of the real go command, with the same environment. */
class GoEnvironmentGoCommandTest {
    @TempDir
    Path tmp;

    private GoSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = GoSandbox.create(tmp);
    }

    private Map<String, String> goEnv() {
        return GoEnvCommand.onPath(sandbox.env()).orElseThrow().read();
    }

    @ParameterizedTest(name = "GOPRIVATE={0} GONOPROXY={1} GONOSUMDB={2}")
    @CsvSource(value = {
        "*.corp.example, , ",
        "corp.example, '', ''",
        "corp.example, none, ",
        "corp.example, , other.example",
        ", a.example, b.example",
        ", , ",
    })
    void privatePatternDefaultsMatchTheGoCommand(String goprivate, String gonoproxy, String gonosumdb) {
        sandbox.set("GOPRIVATE", goprivate).set("GONOPROXY", gonoproxy).set("GONOSUMDB", gonosumdb);
        Map<String, String> go = goEnv();
        GoEnvironment ours = GoEnvironment.of(sandbox.env());
        assertEquals(go.get("GOPRIVATE"), ours.goprivate());
        assertEquals(go.get("GONOPROXY"), ours.gonoproxy());
        assertEquals(go.get("GONOSUMDB"), ours.gonosumdb());
    }

    @Test
    void settingsLeftUnsetComeFromTheGoCommand() {
        sandbox.set("GOPROXY", null).set("GOSUMDB", null).set("GOMODCACHE", null).set("GOPATH", null).set("GOFLAGS", null);
        Map<String, String> go = goEnv();
        Map<String, String> process = new HashMap<>(sandbox.env());
        GoEnvironment ours = GoEnvironment.of(process, GoEnvCommand.onPath(process).orElseThrow());
        assertFalse(go.get("GOPROXY").isEmpty(), "the go installation supplies a default GOPROXY");
        assertEquals(go.get("GOPROXY"), ours.goproxy());
        assertEquals(Optional.of(go.get("GOSUMDB")), ours.gosumdb());
        assertEquals(Optional.of(Path.of(go.get("GOMODCACHE"))), ours.gomodcache());
        assertEquals(go.get("GOAUTH"), ours.goauth());
        assertTrue(ours.goflags().words().isEmpty());
    }

    @Test
    void theEnvironmentOverridesTheGoCommandsDefaults() {
        sandbox.set("GOPROXY", "file:///srv/mirror").set("GOFLAGS", "-mod=mod");
        GoEnvironment ours = GoEnvironment.of(sandbox.env(), GoEnvCommand.onPath(sandbox.env()).orElseThrow());
        assertEquals("file:///srv/mirror", ours.goproxy());
        assertEquals(goEnv().get("GOMODCACHE"), ours.gomodcache().orElseThrow().toString());
    }

    @Test
    void noGoOnThePathMeansNoFallback() {
        assertEquals(Optional.empty(), GoEnvCommand.onPath(Map.of("PATH", tmp.toString())));
        assertEquals(Optional.empty(), GoEnvCommand.onPath(Map.of()));
    }
}
