package dev.gosync.agent.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.agent.gitremote.RemoteGitException;
import dev.gosync.agent.vcs.GoJson;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.fixtures.git.GitFile;
import dev.gosync.fixtures.git.GitRepoBuilder;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.resolve.GoModFetcher;
import dev.gosync.gomod.resolve.ModuleQuery;
import dev.gosync.gomod.resolve.QueryResolver;
import dev.gosync.gomod.resolve.Resolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct mode where it goes wrong or is tricky, judged by the real go command with the same
 * private git configuration: tags that are no versions or collide with a branch, a version that
 * does not exist, a repository that is not there, and a go.mod whose module line names another
 * path.
 */
class DirectSourceEdgeGoCommandTest {
    private static final String URL_PREFIX = "https://github.com/gosync-edge2/";
    private static final String TAGS = "github.com/gosync-edge2/tags";
    private static final String WRONG = "github.com/gosync-edge2/wrong";
    private static final String MISSING = "github.com/gosync-edge2/missing";

    @TempDir
    static Path tmp;
    static GoSandbox go;
    static Path outside;
    static DirectSource direct;

    @BeforeAll
    static void setUp() throws IOException {
        Path gitDir = tmp.resolve("git");
        ZonedDateTime t = ZonedDateTime.of(2024, 2, 3, 4, 5, 6, 0, ZoneOffset.UTC);
        try (GitRepoBuilder b = GitRepoBuilder.init(gitDir.resolve("tags"))) {
            b.commit("c1", t, GitFile.text("go.mod", "module " + TAGS + "\n\ngo 1.21\n"), GitFile.text("t.go", "package t\n"))
                    .tag("v1.0.0").tag("v1.0").tag("V1.1.0").tag("release-1");
            b.commit("c2", t.plusHours(1), GitFile.text("t.go", "package t // 2\n")).tag("v1.2.0-pre").tag("v1.3.0+meta")
                    .tag("v01.4.0").tag("v1.5.0");
            b.branch("v1.5.0").commit("c3", t.plusHours(2), GitFile.text("t.go", "package t // 3\n"));
            b.switchTo(GitRepoBuilder.MAIN).commit("c4", t.plusHours(3), GitFile.text("t.go", "package t // 4\n"))
                    .annotatedTag("v1.6.0", "release 1.6.0", t.plusHours(3));
        }
        try (GitRepoBuilder b = GitRepoBuilder.init(gitDir.resolve("wrong"))) {
            b.commit("c1", t, GitFile.text("go.mod", "module example.com/other\n\ngo 1.21\n"),
                    GitFile.text("w.go", "package wrong\n")).tag("v1.0.0");
        }
        go = GoSandbox.create(tmp.resolve("sandbox")).redirectGit(URL_PREFIX, gitDir).set("GOPROXY", "direct");
        outside = Files.createDirectories(tmp.resolve("outside"));
        direct = SandboxDirect.open(go, tmp.resolve("direct"));
    }

    @AfterAll
    static void tearDown() {
        direct.close();
    }

    @Test
    void tagsThatAreNoCanonicalVersionsAreLeftOutOfTheListAsTheGoCommandLeavesThemOut() {
        String expected = go.goOk(outside, "list", "-m", "-versions", TAGS).strip();
        assertEquals(expected, TAGS + " " + String.join(" ", direct.versions(TAGS)));
    }

    @Test
    void oddQueriesResolveOrFailAsTheGoCommandSays() {
        List<String> queries = List.of(TAGS + "@v1.0", TAGS + "@V1.1.0", TAGS + "@v1.3.0+meta", TAGS + "@release-1",
                TAGS + "@v01.4.0", TAGS + "@v1.5.0", TAGS + "@latest", TAGS + "@v1.6.0", TAGS + "@main");
        List<String> args = new ArrayList<>(List.of("list", "-e", "-m", "-json"));
        args.addAll(queries);
        List<JsonNode> results = GoJson.stream(go.goOk(outside, args.toArray(String[]::new)));
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        QueryResolver resolver = new QueryResolver(direct);
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            JsonNode n = results.get(i);
            expected.put(q, n.has("Error") ? "error" : n.get("Version").asText());
            try {
                actual.put(q, resolver.resolve(ModuleQuery.parse(q)).module().version());
            } catch (GosyncException e) {
                actual.put(q, "error");
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void aMissingTagIsNotFoundWithTheGoCommandsMessage() {
        ModuleVersion v = new ModuleVersion(TAGS, "v9.9.9");
        JsonNode result = GoJson.stream(go.go(outside, "mod", "download", "-json", v.toString()).stdout())
                .get(0);
        GosyncException e = assertThrows(GosyncException.class, () -> direct.info(v));
        assertEquals(result.get("Error").asText(), e.getMessage());
    }

    @Test
    void aMissingTagNamesTheQueryOnceWhenResolvedAsTheGoCommandNamesIt() {
        String query = TAGS + "@v9.9.8";
        JsonNode result = GoJson.stream(go.go(outside, "mod", "download", "-json", query).stdout())
                .get(0);
        GosyncException e = assertThrows(GosyncException.class,
                () -> new QueryResolver(direct).resolve(ModuleQuery.parse(query)));
        assertEquals(result.get("Error").asText(), e.getMessage());
    }

    @Test
    void anUnreachableRepositoryIsAClearErrorNamingTheModuleAndBothUrls() {
        ProcessResult theirs = go.go(outside, "mod", "download", "-json", MISSING + "@v1.0.0");
        assertFalse(theirs.succeeded(), "the go command cannot fetch it either");
        RemoteGitException e = assertThrows(RemoteGitException.class, () -> direct.info(new ModuleVersion(MISSING, "v1.0.0")));
        assertTrue(e.getMessage().startsWith(MISSING + "@v1.0.0: cannot fetch " + URL_PREFIX + "missing (rewritten to file:"),
                e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("git").resolve("missing").toString()), e.getMessage());
        assertTrue(e.remedy().contains("reachable"), e.remedy());
    }

    @Test
    void aGoModNamingAnotherPathFailsResolutionAsGoGetFails() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("go.mod"), "module example.com/p\n\ngo 1.21\n");
        ProcessResult theirs = go.go(project, "get", WRONG + "@v1.0.0");
        assertFalse(theirs.succeeded());
        String reason = "parsing go.mod:\n\tmodule declares its path as: example.com/other\n\t        but was required as: "
                + WRONG;
        assertTrue(theirs.stderr().contains(reason), theirs.stderr());
        Resolver resolver = new Resolver(GoModFetcher.of(direct));
        GosyncException e = assertThrows(GosyncException.class,
                () -> resolver.resolve(new QueryResolver(direct).resolve(ModuleQuery.parse(WRONG + "@v1.0.0"))));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
