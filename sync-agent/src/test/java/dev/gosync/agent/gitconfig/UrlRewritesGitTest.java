package dev.gosync.agent.gitconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.fixtures.ExternalTool;
import dev.gosync.fixtures.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code url.<base>.insteadOf} as git applies it, judged by git itself
 * ({@code git ls-remote --get-url} rewrites a URL and stops before any connection): which files
 * count (system, {@code GIT_CONFIG_GLOBAL} alone or else the XDG file and {@code ~/.gitconfig}),
 * the longest match across all of them, the first of equally long ones, includes, and file://
 * targets.
 */
class UrlRewritesGitTest {
    private static final List<String> URLS = List.of(
            "https://github.com/org/repo", "https://github.com/org/other", "https://github.com/elsewhere/x",
            "https://corp.example/team/a", "https://corp.example/team/b/c", "ssh://git@corp.example/team/a",
            "https://untouched.example/x", "https://tie.example/t", "https://included.example/i");

    @TempDir
    Path tmp;

    @Test
    void globalFileAloneWhenGitConfigGlobalIsSet() throws IOException {
        Path global = write("global", """
                [url "file:///srv/git/org/"]
                \tinsteadOf = https://github.com/org/
                [url "file:///srv/git/org-repo"]
                \tinsteadOf = https://github.com/org/repo
                [url "https://mirror.corp.example/gh/"]
                \tinsteadOf = https://github.com/
                [url "file:///srv/first/"]
                \tinsteadOf = https://tie.example/
                [url "file:///srv/second/"]
                \tinsteadOf = https://tie.example/
                [include]
                \tpath = included
                """);
        write("included", "[url \"file:///srv/included/\"]\n\tinsteadOf = https://included.example/\n");
        write("home/.gitconfig", "[url \"file:///never/\"]\n\tinsteadOf = https://\n");
        assertSameAsGit(Map.of("GIT_CONFIG_GLOBAL", global.toString(), "GIT_CONFIG_NOSYSTEM", "1"));
    }

    @Test
    void xdgFileAndHomeFileTogetherAndTheSystemFileWhenNotSwitchedOff() throws IOException {
        write("xdg/git/config", "[url \"file:///srv/xdg/\"]\n\tinsteadOf = https://corp.example/team/\n"
                + "[url \"ssh://git@corp.example/\"]\n\tinsteadOf = https://corp.example/\n");
        write("home/.gitconfig", "[url \"file:///srv/home/b/\"]\n\tinsteadOf = https://corp.example/team/b/\n"
                + "[url \"file:///srv/home/short/\"]\n\tinsteadOf = https://corp.\n");
        Path system = write("system", "[url \"file:///srv/system/\"]\n\tinsteadOf = https://github.com/org/\n"
                + "[url \"https://mirror.example/all/\"]\n\tinsteadOf = https://github.com/\n");
        assertSameAsGit(Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString(), "GIT_CONFIG_SYSTEM", system.toString()));
    }

    private void assertSameAsGit(Map<String, String> vars) throws IOException {
        Map<String, String> env = new HashMap<>(vars);
        env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        UrlRewrites ours = UrlRewrites.fromFiles(GitConfigFiles.forUser(env, tmp.resolve("home"), "Linux"));
        ExternalTool.require("git");
        Path git = gitBinary();
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        Path outsideAnyRepository = Files.createDirectories(tmp.resolve("outside"));
        for (String url : URLS) {
            expected.put(url, Processes.run(outsideAnyRepository, env, Duration.ofSeconds(30),
                    List.of(git.toString(), "ls-remote", "--get-url", url)).orThrow().stdout().strip());
            actual.put(url, ours.rewrite(url));
        }
        assertEquals(expected, actual);
    }

    private static Path gitBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "git"))) {
                return Path.of(dir, "git");
            }
        }
        return Path.of("/usr/bin/git");
    }

    private Path write(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
