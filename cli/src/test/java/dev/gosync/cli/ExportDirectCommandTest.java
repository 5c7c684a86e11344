package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosync.fixtures.git.GitFile;
import dev.gosync.fixtures.git.GitRepoBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gosync export} in direct mode from the command line: {@code --vcs-map} and
 * {@code --vcs-map-file} point a module at a git repository that no discovery could find, and the
 * module comes from there with the hashes go.sum records.
 */
class ExportDirectCommandTest {
    @TempDir
    Path tmp;
    Path project;
    String repoUrl;

    @BeforeEach
    void setUp() {
        project = TinyUpstream.write(tmp);
        Path repo = tmp.resolve("git/dep");
        try (GitRepoBuilder b = GitRepoBuilder.init(repo)) {
            b.commit("dep", ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
                    GitFile.text("go.mod", "module " + TinyUpstream.DEP.path() + "\n\ngo 1.21\n"),
                    GitFile.text("dep.go", "package dep\n")).tag("v1.0.0");
        }
        repoUrl = repo.toUri().toString();
    }

    private CliRun export(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(new String[] {"export", "--cache", tmp.resolve("cache").toString(), "--proxy", "direct",
                "--unsigned"}, 0, all, 0, 6);
        System.arraycopy(args, 0, all, 6, args.length);
        return CliRun.of(all);
    }

    @Test
    void aVcsMapOptionServesTheModuleFromItsRepository() throws IOException {
        CliRun run = export("--json", "--vcs-map", "example.com/dep=" + repoUrl, "-o", tmp.resolve("b.tar.zst").toString(),
                project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(3, new ObjectMapper().readTree(run.out()).get("files").asInt());
    }

    @Test
    void theVcsMapFileServesTheModuleToo() throws IOException {
        Path file = Files.writeString(tmp.resolve("vcs-map"), "# closed network mirrors\n\nexample.com/dep = " + repoUrl + "\n");
        CliRun run = export("--vcs-map-file", file.toString(), "-o", tmp.resolve("b.tar.zst").toString(), project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    }

    @Test
    void aMalformedVcsMapIsAUsageError() {
        CliRun run = export("--vcs-map", "example.com/dep", "-o", tmp.resolve("b.tar.zst").toString(), project.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("PREFIX=REPO_URL"), run.err());
    }

    /** A personal access token in a mapped URL shows neither on the terminal nor in the cache. */
    @Test
    void aTokenInAMappedUrlShowsNowhere() throws IOException {
        String token = "ghp_SECRETcli4711";
        for (String spec : List.of("example.com/dep=https://" + token + "@127.0.0.1:1/x.git",
                "https://" + token + "@127.0.0.1:1/x.git")) {
            CliRun run = export("--vcs-map", spec, "-o", tmp.resolve("b.tar.zst").toString(), project.toString());
            assertTrue(run.exitCode() != ExitCodes.OK, run.out() + run.err());
            assertFalse((run.out() + run.err()).contains(token), run.out() + run.err());
        }
        if (Files.exists(tmp.resolve("cache"))) {
            try (var files = Files.walk(tmp.resolve("cache"))) {
                for (Path f : files.toList()) {
                    assertFalse(f.toString().contains(token), f.toString());
                    if (Files.isRegularFile(f)) {
                        assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                                .contains(token), f.toString());
                    }
                }
            }
        }
    }
}
