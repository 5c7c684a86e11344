package dev.gosync.agent.vcs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.git.GitFile;
import dev.gosync.fixtures.git.GitRepoBuilder;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.RevInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags and layouts the fixture universe leaves out, judged by the real go command: a root module
 * without go.mod next to a {@code v2/} module, so that tag v2.0.0 is {@code +incompatible} only
 * when asked for explicitly; tags that are no canonical versions ({@code v1.2},
 * {@code v1.3.0+meta}, a pseudo-version, {@code release-1}); a branch with a slash in its name.
 */
class GitRepoSourceEdgeGoCommandTest {
    private static final String URL_PREFIX = "https://github.com/gosync-edge/";
    private static final String ROOT = "github.com/gosync-edge/edge";
    private static final String V2 = ROOT + "/v2";

    @TempDir
    static Path tmp;
    static GoSandbox go;
    static Path outside;
    static Repository repo;
    static GitRepoSource source;
    static Map<String, String> commits = new HashMap<>();

    @BeforeAll
    static void setUp() throws IOException {
        Path gitDir = tmp.resolve("git");
        ZonedDateTime t = ZonedDateTime.of(2023, 3, 4, 5, 6, 7, 0, ZoneOffset.ofHours(3));
        try (GitRepoBuilder b = GitRepoBuilder.init(gitDir.resolve("edge"))) {
            b.commit("c1", t, GitFile.text("edge.go", "package edge\n")).tag("v1.0.0").tag("release-1");
            commits.put("c1", b.head());
            b.commit("c2", t.plusHours(1), GitFile.text("v2/go.mod", "module " + V2 + "\n\ngo 1.21\n"),
                    GitFile.text("v2/edge.go", "package edge\n")).tag("v2.0.0").tag("v1.2");
            commits.put("c2", b.head());
            b.commit("c3", t.plusHours(2), GitFile.text("edge.go", "package edge // c3\n"))
                    .tag("v1.3.0+meta").tag("v0.0.0-20200101000000-abcdefabcdef");
            commits.put("c3", b.head());
            b.branch("feature/x").commit("c5", t.plusHours(4), GitFile.text("x.go", "package edge\n"));
            b.switchTo(GitRepoBuilder.MAIN).commit("c4", t.plusHours(3), GitFile.text("edge.go", "package edge // c4\n"));
        }
        go = GoSandbox.create(tmp.resolve("sandbox")).redirectGit(URL_PREFIX, gitDir).set("GOPROXY", "direct");
        outside = Files.createDirectories(tmp.resolve("outside"));
        repo = new FileRepositoryBuilder().setGitDir(gitDir.resolve("edge").toFile()).setBare().build();
        source = new GitRepoSource(repo, ROOT, URL_PREFIX + "edge");
    }

    @AfterAll
    static void tearDown() {
        repo.close();
    }

    @Test
    void versionListsAreTheGoCommands() {
        Map<String, String> expected = new TreeMap<>();
        go.goOk(outside, "list", "-m", "-versions", ROOT, V2).lines().forEach(l -> expected.put(l.split(" ", 2)[0], l));
        Map<String, String> actual = new TreeMap<>();
        for (String path : List.of(ROOT, V2)) {
            List<String> line = new ArrayList<>(List.of(path));
            line.addAll(source.versions(path));
            actual.put(path, String.join(" ", line));
        }
        assertEquals(expected, actual);
    }

    @Test
    void downloadableVersionsHaveTheGoCommandsInfoModAndZipHash() throws IOException {
        List<ModuleVersion> versions = List.of(new ModuleVersion(ROOT, "v1.0.0"), new ModuleVersion(ROOT, "v2.0.0+incompatible"),
                new ModuleVersion(V2, "v2.0.0"));
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        versions.forEach(v -> args.add(v.toString()));
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode n : GoJson.stream(go.goOk(outside, args.toArray(String[]::new)))) {
            expected.put(n.get("Path").asText() + "@" + n.get("Version").asText(), Files.readString(Path.of(n.get("Info").asText()))
                    + "\n" + Files.readString(Path.of(n.get("GoMod").asText())) + n.get("Sum").asText());
        }
        Map<String, String> actual = new TreeMap<>();
        Path zip = tmp.resolve("ours.zip");
        for (ModuleVersion v : versions) {
            try (InputStream in = source.zip(v)) {
                Files.copy(in, zip, StandardCopyOption.REPLACE_EXISTING);
            }
            actual.put(v.toString(), new String(source.info(v).toJson(), StandardCharsets.UTF_8) + "\n"
                    + new String(source.goMod(v).readAllBytes(), StandardCharsets.UTF_8) + DirHash.hashZip(zip));
        }
        assertEquals(expected, actual);
    }

    @Test
    void queriesResolveOrFailAsTheGoCommandSays() {
        List<String> queries = List.of(ROOT + "@v1.3.0+meta", ROOT + "@release-1", ROOT + "@feature/x", ROOT + "@main",
                V2 + "@main", ROOT + "@" + commits.get("c2"), V2 + "@" + commits.get("c1"), ROOT + "@v2.0.0",
                ROOT + "@v0.0.0-20200101000000-abcdefabcdef", ROOT + "@" + commits.get("c3").substring(0, 9), ROOT + "@nosuch");
        List<String> args = new ArrayList<>(List.of("list", "-e", "-m", "-json"));
        args.addAll(queries);
        List<JsonNode> results = GoJson.stream(go.goOk(outside, args.toArray(String[]::new)));
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            JsonNode n = results.get(i);
            expected.put(q, n.has("Error") ? n.get("Error").get("Err").asText() : n.get("Version").asText());
            String path = q.substring(0, q.indexOf('@'));
            try {
                RevInfo r = source.query(path, q.substring(q.indexOf('@') + 1));
                actual.put(q, r.version());
            } catch (GosyncException e) {
                actual.put(q, e.getMessage());
            }
        }
        assertEquals(expected, actual);
    }
}
