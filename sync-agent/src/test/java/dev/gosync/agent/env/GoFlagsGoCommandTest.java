package dev.gosync.agent.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GOFLAGS split by the real go command: it either reports the same parse error, or builds with the
 * same {@code -tags} value we read (shown through {@code go list -f {{context.BuildTags}}}).
 */
class GoFlagsGoCommandTest {
    @TempDir
    static Path tmp;

    private static GoSandbox sandbox;

    @BeforeAll
    static void setUp() {
        sandbox = GoSandbox.create(tmp);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "'-tags=a b' -mod=mod", "-tags=x -tags=y", "-tags='a b'", "\"-tags=a,b\"", "'-tags=a", "tags=x", "---x",
        "-", "-=x", " \t-tags=q\t\n", "-tags=a'b", "'-tags=a'-mod=mod", "--tags=dd", "-tags=a\u00a0b -mod=mod",
        "\"-tags=x\" '-mod=mod'", "-tags=",
    })
    void splitsAsTheGoCommandDoes(String goflags) {
        sandbox.set("GOFLAGS", goflags);
        ProcessResult result = sandbox.go(tmp, "list", "-e", "-f", "{{context.BuildTags}}", "runtime");
        String ours;
        try {
            GoFlags flags = GoFlags.parse(goflags);
            List<String> tags = flags.value("tags").map(v -> Arrays.stream(v.split("[, ]")).filter(s -> !s.isEmpty()).toList())
                    .orElse(List.of());
            ours = "[" + String.join(" ", tags) + "]";
        } catch (InvalidGoFlagsException e) {
            ours = "go: " + e.getMessage();
        }
        String go = result.succeeded() ? result.stdout().strip() : result.stderr().strip();
        assertTrue(result.succeeded() || go.startsWith("go: parsing $GOFLAGS"), result.describe());
        assertEquals(go, ours);
    }
}
