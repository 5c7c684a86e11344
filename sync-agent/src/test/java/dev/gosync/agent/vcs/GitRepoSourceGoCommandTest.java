package dev.gosync.agent.vcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.universe.FixtureCommit;
import dev.gosync.fixtures.universe.FixtureModule;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.fixtures.universe.FixtureVersion;
import dev.gosync.fixtures.universe.ModulePaths;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.semver.InvalidVersionException;
import dev.gosync.gomod.semver.PseudoVersion;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.store.RevInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GitRepoSource} against the real go command in direct mode on the fixture universe: one
 * sandbox downloads every catalogued version ({@code go mod download -json}), and its module cache
 * is the reference for every {@code .info}, {@code .mod} and zip hash we produce; version lists,
 * queries and rejections are compared with what {@code go list} and {@code go mod download} say.
 */
class GitRepoSourceGoCommandTest {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    static FixtureUniverse universe;
    static GoSandbox go;
    static Path outside;
    static FixtureRepos repos;
    /** {@code go mod download -json} of every catalogued version, by path@version. */
    static Map<String, JsonNode> downloaded;
    /**
     * The {@code .info} files that download wrote, read at once: a later query that resolves to a
     * cached version rewrites its {@code .info} with that query's origin.
     */
    static Map<String, String> cachedInfo = new HashMap<>();

    @BeforeAll
    static void setUp() throws IOException {
        universe = FixtureUniverse.create(tmp.resolve("universe"));
        go = universe.configure(GoSandbox.create(tmp.resolve("sandbox")));
        outside = Files.createDirectories(tmp.resolve("outside"));
        repos = new FixtureRepos(universe);
        downloaded = GoJson.downloadAll(go, outside, universe);
        downloaded.forEach((v, n) -> cachedInfo.put(v, GoJson.fileText(n.get("Info").asText())));
    }

    @AfterAll
    static void tearDown() {
        repos.close();
    }

    @Test
    void versionsAreWhatGoListShowsIncludingRetractedOnes() {
        Map<String, String> actual = new TreeMap<>();
        for (FixtureModule m : universe.modules()) {
            actual.put(m.path(), GoJson.versionLine(m, repos.source(m.path()).versions(m.path())));
        }
        assertEquals(GoJson.versionLines(go, outside, universe), actual);
    }

    @Test
    void infoIsByteForByteTheGoCommandsCachedInfo() {
        assertSameForEveryVersion(v -> new String(ours(v).info(v).toJson(), StandardCharsets.UTF_8),
                v -> cachedInfo.get(downloaded(v).get("Path").asText() + "@" + v.version()));
    }

    @Test
    void originHasEveryFieldTheGoCommandReportsBeforeCaching() {
        // A pseudo-version's Ref depends on what the go command's clone held when it looked the commit up.
        assertSameForEveryVersion(
                v -> withoutPseudoRef(v, GoJson.parse(ours(v).info(v).origin())).toString(),
                v -> withoutPseudoRef(v, downloaded(v).get("Origin")).toString());
    }

    @Test
    void goModIsByteForByteTheGoCommandsCachedMod() {
        assertSameForEveryVersion(v -> new String(readAll(ours(v).goMod(v)), StandardCharsets.UTF_8),
                v -> GoJson.fileText(downloaded(v).get("GoMod").asText()));
    }

    @Test
    void zipHasTheHashTheGoCommandComputed() throws IOException {
        Path zip = tmp.resolve("ours.zip");
        assertSameForEveryVersion(v -> {
            try (InputStream in = ours(v).zip(v)) {
                Files.copy(in, zip, StandardCopyOption.REPLACE_EXISTING);
                return DirHash.hashZip(zip);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, v -> downloaded(v).get("Sum").asText());
    }

    @Test
    void zipStreamDeletesItsTemporaryFileWhenClosed() throws IOException {
        ModuleVersion v = new ModuleVersion(ModulePaths.BASIC, "v1.0.0");
        long before = spooledZips();
        try (InputStream in = repos.source(v.path()).zip(v)) {
            assertEquals(before + 1, spooledZips());
            in.readAllBytes();
        }
        assertEquals(before, spooledZips());
    }

    @Test
    void commitHashesFullAndShortResolveAsTheGoCommandResolvesThem() {
        List<String> queries = new ArrayList<>();
        for (FixtureVersion v : universe.versions()) {
            queries.add(v.modulePath() + "@" + v.commit());
            queries.add(v.modulePath() + "@" + v.commit().substring(0, GitRepo.MIN_HASH_DIGITS));
        }
        assertQueriesResolveAsGoListSays(queries);
    }

    @Test
    void branchesHeadAndLatestResolveAsTheGoCommandResolvesThem() {
        assertQueriesResolveAsGoListSays(List.of(
                ModulePaths.BASIC + "@main", ModulePaths.BASIC + "@HEAD",
                ModulePaths.RETRACT + "@hotfix", ModulePaths.RETRACT + "@main", ModulePaths.MAJOR_BRANCH_V2 + "@main",
                ModulePaths.MAJOR_SUBDIR_V3 + "@HEAD", ModulePaths.INCOMPAT + "@main", ModulePaths.MONOREPO_SUB + "@main",
                ModulePaths.MONOREPO_LIC + "@HEAD", ModulePaths.NOTAGS + "@latest", ModulePaths.UPPER_CASE + "@HEAD"));
    }

    @Test
    void latestOfAModuleWithoutTagsIsItsHeadCommitsPseudoVersion() {
        JsonNode expected = GoJson.parse(go.goOk(outside, "list", "-m", "-json", ModulePaths.NOTAGS + "@latest"));
        RevInfo latest = repos.source(ModulePaths.NOTAGS).latest(ModulePaths.NOTAGS).orElseThrow();
        assertEquals(expected.get("Version").asText(), latest.version());
        assertEquals(Instant.parse(expected.get("Time").asText()), latest.instant());
        assertTrue(PseudoVersion.isPseudoVersion(latest.version()), latest.version());
    }

    @Test
    void invalidPseudoVersionsAreRejectedWithTheGoCommandsMessages() {
        FixtureCommit work = commit(ModulePaths.BASIC, "v1.1.0");
        FixtureCommit hotfix = commit(ModulePaths.RETRACT, "v1.0.0");
        FixtureCommit first = universe.untaggedCommits().stream()
                .filter(c -> c.modulePath().equals(ModulePaths.NOTAGS)).findFirst().orElseThrow();
        FixtureVersion tagged = universe.version(ModulePaths.BASIC, "v1.1.0");
        String workTail = stamp(work.commitTime()) + "-" + work.commit().substring(0, 12);
        List<ModuleVersion> invalid = List.of(
                new ModuleVersion(ModulePaths.BASIC, "v1.1.1-0." + stamp(work.commitTime().plusSeconds(1)) + "-"
                        + work.commit().substring(0, 12)),
                new ModuleVersion(ModulePaths.BASIC, "v1.1.1-0." + workTail.substring(0, workTail.length() - 2)),
                new ModuleVersion(ModulePaths.BASIC, "v1.1.1-0." + workTail + work.commit().charAt(12)),
                new ModuleVersion(ModulePaths.BASIC, "v1.9.1-0." + workTail),
                new ModuleVersion(ModulePaths.RETRACT, "v1.0.3-0." + stamp(hotfix.commitTime()) + "-"
                        + hotfix.commit().substring(0, 12)),
                new ModuleVersion(ModulePaths.NOTAGS, "v1.0.0-" + stamp(first.commitTime()) + "-"
                        + first.commit().substring(0, 12)),
                new ModuleVersion(ModulePaths.BASIC, "v1.1.1-0." + stamp(tagged.commitTime()) + "-"
                        + tagged.commit().substring(0, 12)));
        assertRejectedAsTheGoCommandRejects(invalid, InvalidVersionException.class);
    }

    @Test
    void pseudoVersionOnARetractedAncestorThatIsNotTheHighestIsAccepted() {
        FixtureCommit hotfix = commit(ModulePaths.RETRACT, "v1.0.0");
        ModuleVersion v = new ModuleVersion(ModulePaths.RETRACT, "v1.0.2-0." + stamp(hotfix.commitTime()) + "-"
                + hotfix.commit().substring(0, 12));
        JsonNode expected = GoJson.stream(go.go(outside, "mod", "download", "-json", v.toString()).stdout()).get(0);
        assertFalse(expected.has("Error"), expected.toString());
        assertEquals(GoJson.fileText(expected.get("Info").asText()), new String(ours(v).info(v).toJson(), StandardCharsets.UTF_8));
    }

    @Test
    void missingTagsAreNotFoundWithTheGoCommandsMessage() {
        assertRejectedAsTheGoCommandRejects(List.of(new ModuleVersion(ModulePaths.BASIC, "v9.9.9"),
                new ModuleVersion(ModulePaths.MONOREPO_SUB, "v0.2.0")), ModuleNotFoundException.class);
    }

    @Test
    void goModOfTheWrongMajorVersionIsRejectedWithTheGoCommandsMessage() {
        assertRejectedAsTheGoCommandRejects(List.of(new ModuleVersion(ModulePaths.MAJOR_BRANCH, "v2.0.0"),
                new ModuleVersion(ModulePaths.MAJOR_BRANCH_V2, "v1.0.0"),
                new ModuleVersion(ModulePaths.MAJOR_SUBDIR_V3, "v1.0.0")), ModuleNotFoundException.class);
        assertRejectedAsTheGoCommandRejects(List.of(new ModuleVersion(ModulePaths.MAJOR_SUBDIR, "v3.0.0")),
                InvalidVersionException.class);
    }

    @Test
    void goModAndZipOfAVersionWithTheWrongMajorFailLikeItsInfo() {
        ModuleVersion v = new ModuleVersion(ModulePaths.MAJOR_BRANCH, "v2.0.0");
        GitRepoSource source = repos.source(v.path());
        String message = assertThrows(GosyncException.class, () -> source.info(v)).getMessage();
        assertEquals(message, assertThrows(ModuleNotFoundException.class, () -> source.goMod(v)).getMessage());
        assertEquals(message, assertThrows(ModuleNotFoundException.class, () -> source.zip(v)).getMessage());
    }

    private static void assertRejectedAsTheGoCommandRejects(List<ModuleVersion> versions,
            Class<? extends GosyncException> type) {
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        versions.forEach(v -> args.add(v.toString()));
        Map<String, JsonNode> results = GoJson.byPathAt(GoJson.stream(go.go(outside, args.toArray(String[]::new)).stdout()), "Version");
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (ModuleVersion v : versions) {
            JsonNode n = results.get(v.toString());
            expected.put(v.toString(), n != null && n.has("Error") ? n.get("Error").asText() : "accepted: " + n);
            GosyncException e = assertThrows(type, () -> ours(v).info(v), v.toString());
            actual.put(v.toString(), e.getMessage());
        }
        assertEquals(expected, actual);
    }

    private static void assertQueriesResolveAsGoListSays(List<String> queries) {
        List<String> args = new ArrayList<>(List.of("list", "-e", "-m", "-json"));
        args.addAll(queries);
        Map<String, JsonNode> results = GoJson.byPathAt(GoJson.stream(go.goOk(outside, args.toArray(String[]::new))), "Query");
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (String q : queries) {
            JsonNode n = results.get(q);
            expected.put(q, n.has("Error") ? n.get("Error").toString() : n.get("Version").asText() + " "
                    + Instant.parse(n.get("Time").asText()) + " " + n.get("Origin"));
            String path = q.substring(0, q.indexOf('@'));
            RevInfo r = repos.source(path).query(path, q.substring(q.indexOf('@') + 1));
            actual.put(q, r.version() + " " + r.instant() + " " + GoJson.parse(r.origin()));
        }
        assertEquals(expected, actual);
    }

    /** Compares, for every catalogued version, what we produce with what the go command produced. */
    private static void assertSameForEveryVersion(Function<ModuleVersion, String> ours,
            Function<ModuleVersion, String> theirs) {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (FixtureVersion f : universe.versions()) {
            ModuleVersion v = new ModuleVersion(f.modulePath(), f.version());
            expected.put(v.toString(), theirs.apply(v));
            actual.put(v.toString(), ours.apply(v));
        }
        assertEquals(expected, actual);
    }

    private static JsonNode withoutPseudoRef(ModuleVersion v, JsonNode origin) {
        return PseudoVersion.isPseudoVersion(v.version()) ? GoJson.without(origin, "Ref") : origin;
    }

    private static GitRepoSource ours(ModuleVersion v) {
        return repos.source(v.path());
    }

    private static JsonNode downloaded(ModuleVersion v) {
        JsonNode n = downloaded.get(v.toString());
        assertTrue(n != null && !n.has("Error"), "the go command did not download " + v + ": " + n);
        return n;
    }

    /** The untagged commit of a module whose pseudo-version builds on base. */
    private static FixtureCommit commit(String modulePath, String base) {
        return universe.untaggedCommits().stream()
                .filter(c -> c.modulePath().equals(modulePath) && c.baseVersion().equals(base)).findFirst().orElseThrow();
    }

    private static String stamp(Instant t) {
        return STAMP.format(t);
    }

    private static long spooledZips() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("gosync-git-")).count();
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
