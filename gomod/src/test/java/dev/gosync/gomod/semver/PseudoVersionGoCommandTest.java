package dev.gosync.gomod.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.universe.FixtureCommit;
import dev.gosync.fixtures.universe.FixtureUniverse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * PseudoVersion agrees with the go command itself on real repositories: for every untagged commit
 * of the fixture universe the go command (direct mode, {@code go list -m -json path@hash}) names a
 * pseudo-version, and PseudoVersion builds the same string from the commit's base tag, committer
 * time and hash, and reads the same base, time and revision back out of it. The commits cover all
 * three shapes, /vN majors, +incompatible, subdirectory tags, retracted bases and committer times
 * in non-UTC zones.
 */
class PseudoVersionGoCommandTest {
    @TempDir
    static Path tmp;
    /** What the go command answered for each untagged commit. */
    static Map<FixtureCommit, String> goVersions = new HashMap<>();
    static List<FixtureCommit> commits;

    @BeforeAll
    static void askTheGoCommand() throws IOException {
        FixtureUniverse universe = FixtureUniverse.create(tmp.resolve("universe"));
        GoSandbox go = universe.configure(GoSandbox.create(tmp.resolve("sandbox")));
        commits = universe.untaggedCommits();
        List<String> args = new ArrayList<>(List.of("list", "-m", "-json"));
        commits.forEach(c -> args.add(c.modulePath() + "@" + c.commit()));
        String out = go.goOk(Files.createDirectories(tmp.resolve("outside")), args.toArray(String[]::new));
        Map<String, String> byQuery = new HashMap<>();
        try (var replies = new ObjectMapper().readerFor(JsonNode.class).<JsonNode>readValues(out)) {
            replies.forEachRemaining(n -> {
                assertFalse(n.has("Error"), n.toString());
                byQuery.put(n.get("Path").asText() + "@" + n.get("Query").asText(), n.get("Version").asText());
            });
        }
        for (FixtureCommit c : commits) {
            goVersions.put(c, byQuery.get(c.modulePath() + "@" + c.commit()));
        }
    }

    @TestFactory
    Stream<DynamicTest> buildGivesTheGoCommandsPseudoVersion() {
        return commits.stream().map(c -> DynamicTest.dynamicTest(c.modulePath() + "@" + c.commit(), () ->
                assertEquals(goVersions.get(c),
                        PseudoVersion.build(c.major(), c.baseVersion(), c.commitTime(), c.commit().substring(0, 12)))));
    }

    @TestFactory
    Stream<DynamicTest> goCommandsPseudoVersionReadsBackAsBaseTimeAndRevision() {
        return commits.stream().map(c -> DynamicTest.dynamicTest(String.valueOf(goVersions.get(c)), () -> {
            String v = goVersions.get(c);
            assertEquals(c.baseVersion(), PseudoVersion.base(v));
            assertEquals(c.commitTime(), PseudoVersion.time(v));
            assertEquals(c.commit().substring(0, 12), PseudoVersion.revision(v));
        }));
    }
}
