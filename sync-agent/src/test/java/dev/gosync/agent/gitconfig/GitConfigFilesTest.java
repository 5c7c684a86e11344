package dev.gosync.agent.gitconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which git configuration files count (their effect is checked against git in UrlRewritesGitTest). */
class GitConfigFilesTest {
    @TempDir
    Path tmp;

    @Test
    void gitsOrderSystemThenXdgThenHome() {
        assertEquals(List.of(Path.of("/etc/gitconfig"), Path.of("/h/.config/git/config"), Path.of("/h/.gitconfig")),
                GitConfigFiles.forUser(Map.of("HOME", "/h"), Path.of("/jvm-home"), "Linux").files());
        assertEquals(List.of(Path.of("/sys.conf"), Path.of("/x/git/config"), Path.of("/jvm-home/.gitconfig")),
                GitConfigFiles.forUser(Map.of("GIT_CONFIG_SYSTEM", "/sys.conf", "XDG_CONFIG_HOME", "/x"),
                        Path.of("/jvm-home"), "Linux").files());
    }

    @Test
    void gitConfigGlobalReplacesBothUserFilesAndNoSystemDropsTheSystemFile() {
        assertEquals(List.of(Path.of("/only")), GitConfigFiles.forUser(Map.of("GIT_CONFIG_GLOBAL", "/only",
                "GIT_CONFIG_NOSYSTEM", "true", "HOME", "/h"), Path.of("/h"), "Linux").files());
        assertEquals(3, GitConfigFiles.forUser(Map.of("GIT_CONFIG_NOSYSTEM", "0"), Path.of("/h"), "Linux").files().size());
    }

    @Test
    void aBrokenFileIsNamedInTheError() throws IOException {
        Path broken = Files.writeString(tmp.resolve("gitconfig"), "[url \"x\"\n\tinsteadOf = y\n");
        GosyncException e = assertThrows(GosyncException.class,
                () -> new GitConfigFiles(List.of(broken)).load());
        assertTrue(e.getMessage().startsWith("cannot read the git configuration " + broken), e.getMessage());
    }

    @Test
    void aBrokenFileOnlyMattersWhenRewritingIsNeeded() throws IOException {
        Path broken = Files.writeString(tmp.resolve("gitconfig"), "[url \"x\"\n\tinsteadOf = y\n");
        UrlRewrites lazy = UrlRewrites.lazily(() -> UrlRewrites.fromFiles(new GitConfigFiles(List.of(broken))));
        assertThrows(GosyncException.class, () -> lazy.rewrite("https://a.example/x"));
    }
}
