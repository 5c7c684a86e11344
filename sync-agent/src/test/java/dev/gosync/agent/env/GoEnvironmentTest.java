package dev.gosync.agent.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GoEnvironmentTest {
    @Test
    void gonoproxyAndGonosumdbFallBackToGoprivate() {
        GoEnvironment env = GoEnvironment.of(Map.of("GOPRIVATE", "*.corp.example"));
        assertEquals("*.corp.example", env.gonoproxy());
        assertEquals("*.corp.example", env.gonosumdb());
    }

    @Test
    void anEmptyGonoproxyCannotUndoGoprivate() {
        GoEnvironment env = GoEnvironment.of(Map.of("GOPRIVATE", "corp.example", "GONOPROXY", ""));
        assertEquals("corp.example", env.gonoproxy());
    }

    @Test
    void aSetGonoproxyWinsOverGoprivate() {
        GoEnvironment env = GoEnvironment.of(Map.of("GOPRIVATE", "corp.example", "GONOPROXY", "none"));
        assertEquals("none", env.gonoproxy());
        assertEquals("corp.example", env.gonosumdb());
    }

    @Test
    void unsetGoproxyAsksTheUserToSetItOrPassProxy() {
        GoproxyNotSetException e = assertThrows(GoproxyNotSetException.class, () -> GoEnvironment.of(Map.of()).goproxy());
        assertTrue(e.remedy().contains("GOPROXY") && e.remedy().contains("--proxy"), e.remedy());
        assertThrows(GoproxyNotSetException.class, () -> GoEnvironment.of(Map.of("GOPROXY", "")).goproxy());
    }

    @Test
    void environmentWinsAndTheFallbackFillsTheGaps() {
        GoEnvironment env = GoEnvironment.of(Map.of("GOPROXY", "off", "GOSUMDB", ""),
                () -> Map.of("GOPROXY", "https://from-go.test", "GOSUMDB", "db.test", "GOFLAGS", "-mod=mod"));
        assertEquals("off", env.goproxy());
        assertEquals(Optional.of("db.test"), env.gosumdb());
        assertEquals(Optional.of("mod"), env.goflags().value("mod"));
    }

    @Test
    void theFallbackIsAskedOnceAndOnlyWhenNeeded() {
        AtomicInteger asked = new AtomicInteger();
        GoEnvironment env = GoEnvironment.of(Map.of("GOPROXY", "off"), () -> {
            asked.incrementAndGet();
            return Map.of("GOPRIVATE", "corp.example");
        });
        env.goproxy();
        env.toString();
        assertEquals(0, asked.get());
        assertEquals("corp.example", env.gonoproxy());
        assertEquals("corp.example", env.gonosumdb());
        assertEquals(1, asked.get());
    }

    @Test
    void processOnlyVariablesNeverComeFromTheFallback() {
        GoEnvironment env = GoEnvironment.of(Map.of(), () -> Map.of("NETRC", "/from/go", "HOME", "/from/go"));
        assertEquals(Optional.empty(), env.get("NETRC"));
        assertEquals(Optional.empty(), env.get("HOME"));
    }

    @Test
    void goauthDefaultsToNetrc() {
        assertEquals("netrc", GoEnvironment.of(Map.of()).goauth());
        assertEquals("off", GoEnvironment.of(Map.of("GOAUTH", "off")).goauth());
    }

    @Test
    void gomodcacheIsDerivedFromTheFirstGopathEntry() {
        String sep = java.io.File.pathSeparator;
        GoEnvironment env = GoEnvironment.of(Map.of("GOPATH", "/a" + sep + "/b"));
        assertEquals(List.of(Path.of("/a"), Path.of("/b")), env.gopath());
        assertEquals(Optional.of(Path.of("/a/pkg/mod")), env.gomodcache());
        assertEquals(Optional.of(Path.of("/c")), GoEnvironment.of(Map.of("GOPATH", "/a", "GOMODCACHE", "/c")).gomodcache());
        assertEquals(Optional.empty(), GoEnvironment.of(Map.of()).gomodcache());
    }

    @Test
    void invalidGoflagsFailOnlyWhenRead() {
        GoEnvironment env = GoEnvironment.of(Map.of("GOFLAGS", "'-mod=mod"));
        assertThrows(InvalidGoFlagsException.class, env::goflags);
    }

    @Test
    void withReplacesOneSetting() {
        GoEnvironment env = GoEnvironment.of(Map.of("GOPROXY", "off", "GOPRIVATE", "x.test")).with("GOPROXY", "https://p.test");
        assertEquals("https://p.test", env.goproxy());
        assertEquals("x.test", env.goprivate());
    }

    @Test
    void onlyKnownSettingsCanBeRead() {
        assertThrows(IllegalArgumentException.class, () -> GoEnvironment.of(Map.of()).get("PATH"));
        assertThrows(IllegalArgumentException.class, () -> GoEnvironment.of(Map.of()).with("AWS_SECRET", "x"));
    }
}
