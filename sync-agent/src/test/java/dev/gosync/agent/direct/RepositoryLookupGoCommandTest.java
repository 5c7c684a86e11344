package dev.gosync.agent.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.agent.vcs.GoJson;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.git.GitFile;
import dev.gosync.fixtures.git.GitRepoBuilder;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From module path to repository, against the real go command: the code-host rules and their
 * errors, a path with a {@code .git} qualifier (no scheme: the first secure scheme at which the
 * repository answers is taken, here https, rewritten by {@code insteadOf} to a local repository),
 * and the GOVCS policy with GOPRIVATE. None of these cases needs the network: each is decided
 * before any request, or answered by the local repository.
 */
class RepositoryLookupGoCommandTest {
    private static final String QUALIFIED = "example.com/qual.git";

    @TempDir
    static Path tmp;
    static GoSandbox go;
    /** A second sandbox whose GOVCS and GOPRIVATE the policy test changes case by case. */
    static GoSandbox policy;
    static Path outside;

    @BeforeAll
    static void setUp() throws IOException {
        Path gitDir = tmp.resolve("git");
        try (GitRepoBuilder b = GitRepoBuilder.init(gitDir.resolve("qual"))) {
            b.commit("c1", ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
                    GitFile.text("go.mod", "module " + QUALIFIED + "\n\ngo 1.21\n"), GitFile.text("q.go", "package q\n"))
                    .tag("v1.0.0");
        }
        go = GoSandbox.create(tmp.resolve("sandbox")).redirectGit("https://example.com/", gitDir).set("GOPROXY", "direct");
        policy = GoSandbox.create(tmp.resolve("policy")).redirectGit("https://example.com/", gitDir).set("GOPROXY", "direct");
        outside = Files.createDirectories(tmp.resolve("outside"));
    }

    @Test
    void aQualifiedPathIsFetchedOverTheFirstSecureSchemeThatAnswersWithTheSameInfoAsTheGoCommands() throws IOException {
        ModuleVersion v = new ModuleVersion(QUALIFIED, "v1.0.0");
        JsonNode theirs = GoJson.stream(go.goOk(outside, "mod", "download", "-json", v.toString())).get(0);
        try (DirectSource direct = SandboxDirect.open(go, tmp.resolve("qualified"))) {
            assertEquals(Files.readString(Path.of(theirs.get("Info").asText())),
                    new String(direct.info(v).toJson(), StandardCharsets.UTF_8));
            assertEquals("https://example.com/qual", direct.repoRoot(QUALIFIED).repo());
        }
    }

    @Test
    void badPathsAndGovcsRefusalsFailWithTheGoCommandsMessages() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("github.com/x@v1.0.0", new String[] {"", ""});
        cases.put("github.com/x/y.git@v1.0.0", new String[] {"", ""});
        cases.put("bitbucket.org/x@v1.0.0", new String[] {"", ""});
        cases.put("chiselapp.com/user/x/repository/y@v1.0.0", new String[] {"", ""});
        cases.put("example.com/repo.hg/x@v1.0.0", new String[] {"public:git", ""});
        cases.put("example.com/r.svn@v1.0.0", new String[] {"private:git", "example.com"});
        cases.put("example.com/r.bzr/sub@v1.0.0", new String[] {"example.com:off", ""});
        cases.put("example.com/other.git@v1.0.0", new String[] {"bad", ""});
        cases.put("example.com/more.git@v1.0.0", new String[] {"*:git,*:hg", ""});
        cases.put("example.com/rel.git@v1.0.0", new String[] {"./x:git", ""});
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String govcs = c.getValue()[0];
            String goprivate = c.getValue()[1];
            String label = c.getKey() + " GOVCS=" + govcs + " GOPRIVATE=" + goprivate;
            GoSandbox sandbox = policy.set("GOVCS", govcs.isEmpty() ? null : govcs)
                    .set("GOPRIVATE", goprivate.isEmpty() ? null : goprivate);
            JsonNode theirs = GoJson.stream(sandbox.go(outside, "mod", "download", "-json", c.getKey())
                    .stdout()).get(0);
            expected.put(label, theirs.path("Error").asText("accepted"));
            String at = c.getKey();
            ModuleVersion v = new ModuleVersion(at.substring(0, at.indexOf('@')), at.substring(at.indexOf('@') + 1));
            try (DirectSource direct = SandboxDirect.open(sandbox, tmp.resolve("case" + n++))) {
                actual.put(label, assertThrows(GosyncException.class, () -> direct.info(v)).getMessage());
            }
        }
        assertEquals(expected, actual);
    }
}
