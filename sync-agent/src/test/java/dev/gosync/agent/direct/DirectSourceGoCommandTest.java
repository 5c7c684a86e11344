package dev.gosync.agent.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.agent.vcs.GoJson;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.universe.FixtureCommit;
import dev.gosync.fixtures.universe.FixtureModule;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.fixtures.universe.FixtureVersion;
import dev.gosync.fixtures.universe.ModulePaths;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.resolve.ModuleQuery;
import dev.gosync.gomod.resolve.QueryResolver;
import dev.gosync.gomod.store.RevInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct mode end to end against the real go command on the fixture universe. Both sides start
 * from the module path alone ({@code github.com/gosync-fixtures/<repo>}), find the repository by
 * the go command's code-host rule, and fetch it through the same private git configuration, whose
 * {@code url.<base>.insteadOf} points that host at local bare repositories (file:// URLs, no
 * network). gosync reads that configuration itself, mirrors the repositories with JGit, and must
 * answer exactly as the go command did: version lists, {@code @latest}, pseudo-versions of
 * untagged commits, every {@code .info} byte (Origin URL included), every {@code .mod} byte and
 * the h1 of every zip.
 */
class DirectSourceGoCommandTest {

    @TempDir
    static Path tmp;
    static FixtureUniverse universe;
    static GoSandbox go;
    static Path outside;
    static DirectSource direct;
    static Map<String, JsonNode> downloaded;
    static Map<String, String> cachedInfo = new HashMap<>();

    @BeforeAll
    static void setUp() throws IOException {
        universe = FixtureUniverse.create(tmp.resolve("universe"));
        go = universe.configure(GoSandbox.create(tmp.resolve("sandbox")));
        outside = Files.createDirectories(tmp.resolve("outside"));
        direct = SandboxDirect.open(go, tmp.resolve("direct"));
        downloaded = GoJson.downloadAll(go, outside, universe);
        downloaded.forEach((v, n) -> cachedInfo.put(v, GoJson.fileText(n.get("Info").asText())));
    }

    @AfterAll
    static void tearDown() {
        direct.close();
    }

    @Test
    void versionListsAreWhatGoListShows() {
        Map<String, String> actual = new TreeMap<>();
        for (FixtureModule m : universe.modules()) {
            actual.put(m.path(), GoJson.versionLine(m, direct.versions(m.path())));
        }
        assertEquals(GoJson.versionLines(go, outside, universe), actual);
    }

    @Test
    void latestResolvesAsGoListResolvesIt() {
        List<String> queries = universe.modules().stream().map(m -> m.path() + "@latest").toList();
        assertQueriesResolveAsGoListSays(queries);
    }

    @Test
    void pseudoVersionsOfUntaggedCommitsAreTheGoCommands() {
        List<String> queries = universe.untaggedCommits().stream().map(c -> c.modulePath() + "@" + c.commit()).toList();
        assertTrue(universe.untaggedCommits().stream().anyMatch(c -> c.baseVersion().isEmpty()), "a commit with no tagged ancestor");
        assertTrue(universe.untaggedCommits().stream().anyMatch(c -> c.baseVersion().contains("-")),
                "a commit on a prerelease tag");
        assertTrue(universe.untaggedCommits().stream().anyMatch(c -> !c.baseVersion().isEmpty()
                && !c.baseVersion().contains("-")), "a commit on a release tag");
        assertQueriesResolveAsGoListSays(queries);
        for (FixtureCommit c : universe.untaggedCommits()) {
            assertEquals(c.pseudoVersion(), direct.query(c.modulePath(), c.commit()).version(), c.toString());
        }
    }

    @Test
    void infoIsByteForByteTheGoCommandsIncludingTheOriginUrlBeforeRewriting() {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (ModuleVersion v : versions()) {
            expected.put(v.toString(), cachedInfo.get(downloaded(v).get("Path").asText() + "@" + v.version()));
            actual.put(v.toString(), new String(direct.info(v).toJson(), StandardCharsets.UTF_8));
        }
        assertEquals(expected, actual);
        assertTrue(actual.values().stream().allMatch(i -> i.contains("\"URL\":\"" + FixtureUniverse.GIT_URL_PREFIX)),
                "origins name the URL before rewriting");
    }

    @Test
    void goModIsByteForByteTheGoCommands() {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (ModuleVersion v : versions()) {
            expected.put(v.toString(), GoJson.fileText(downloaded(v).get("GoMod").asText()));
            try (InputStream in = direct.goMod(v)) {
                actual.put(v.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void everyZipHasTheGoCommandsHash() throws IOException {
        Path zip = tmp.resolve("ours.zip");
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (ModuleVersion v : versions()) {
            expected.put(v.toString(), downloaded(v).get("Sum").asText());
            try (InputStream in = direct.zip(v)) {
                Files.copy(in, zip, StandardCopyOption.REPLACE_EXISTING);
            }
            actual.put(v.toString(), DirHash.hashZip(zip));
        }
        assertEquals(expected, actual);
    }

    @Test
    void aSecondSourceOnTheSameMirrorsFetchesIncrementallyAndAnswersTheSame() {
        try (DirectSource again = SandboxDirect.open(go, tmp.resolve("direct"))) {
            ModuleVersion v = new ModuleVersion(ModulePaths.BASIC, "v1.1.0");
            assertEquals(new String(direct.info(v).toJson(), StandardCharsets.UTF_8),
                    new String(again.info(v).toJson(), StandardCharsets.UTF_8));
            assertEquals(direct.versions(ModulePaths.MONOREPO_SUB), again.versions(ModulePaths.MONOREPO_SUB));
        }
    }

    private static void assertQueriesResolveAsGoListSays(List<String> queries) {
        List<String> args = new ArrayList<>(List.of("list", "-e", "-m", "-json"));
        args.addAll(queries);
        Map<String, JsonNode> results = GoJson.byPathAt(GoJson.stream(go.goOk(outside, args.toArray(String[]::new))), "Query");
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (String q : queries) {
            JsonNode n = results.get(q);
            assertFalse(n.has("Error"), n.toString());
            expected.put(q, n.get("Version").asText() + " " + java.time.Instant.parse(n.get("Time").asText()));
            String path = q.substring(0, q.indexOf('@'));
            String query = q.substring(q.indexOf('@') + 1);
            RevInfo r = new QueryResolver(direct).resolve(new ModuleQuery(path, query)).info();
            actual.put(q, r.version() + " " + r.instant());
        }
        assertEquals(expected, actual);
    }

    private static List<ModuleVersion> versions() {
        List<ModuleVersion> all = new ArrayList<>();
        for (FixtureVersion f : universe.versions()) {
            all.add(new ModuleVersion(f.modulePath(), f.version()));
        }
        return all;
    }

    private static JsonNode downloaded(ModuleVersion v) {
        JsonNode n = downloaded.get(v.toString());
        assertTrue(n != null && !n.has("Error"), "the go command did not download " + v + ": " + n);
        return n;
    }
}
