package dev.gosync.serve.vendor;

import static dev.gosync.serve.vendor.TestMirror.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedResolverTest {
    @TempDir
    Path module;
    EmbedResolver resolver;

    @BeforeEach
    void tree() {
        TestMirror.write(module, files(
                "pkg/p.go", "package p\n",
                "pkg/a.txt", "a",
                "pkg/b.txt", "b",
                "pkg/.dot.txt", "hidden",
                "pkg/dir/x.txt", "x",
                "pkg/dir/.h", "hidden",
                "pkg/dir/_u", "hidden",
                "pkg/dir/deeper/y.txt", "y",
                "pkg/dir/.git/config", "vcs",
                "pkg/nested/go.mod", "module other\n",
                "pkg/nested/n.txt", "n",
                "pkg/holder/nested2/go.mod", "module other2\n",
                "pkg/empty/.only-hidden", "hidden"));
        resolver = new EmbedResolver(new DirTree(module, "m"), "pkg");
    }

    private String error(String... patterns) {
        return assertThrows(EmbedResolver.EmbedException.class, () -> resolver.resolve(List.of(patterns))).getMessage();
    }

    @Test
    void globsMatchHiddenNamesButDirectoryWalksSkipThem() throws Exception {
        assertEquals(List.of(".dot.txt", "a.txt", "b.txt"), resolver.resolve(List.of("*.txt")));
        assertEquals(List.of("dir/deeper/y.txt", "dir/x.txt"), resolver.resolve(List.of("dir")));
        assertEquals(List.of("dir/.h", "dir/_u", "dir/deeper/y.txt", "dir/x.txt"), resolver.resolve(List.of("all:dir")));
    }

    @Test
    void resultsAreSortedAndUnique() throws Exception {
        assertEquals(List.of("a.txt", "b.txt", "dir/x.txt"), resolver.resolve(List.of("b.txt", "dir/x.txt", "a.txt", "?.txt")));
    }

    @Test
    void patternsThatCannotBeEmbeddedAreRefusedAsTheGoCommandWordsIt() {
        assertEquals("pattern missing.txt: no matching files found", error("missing.txt"));
        assertEquals("pattern ../a.txt: invalid pattern syntax", error("../a.txt"));
        assertEquals("pattern [: invalid pattern syntax", error("["));
        assertEquals("pattern nested/n.txt: cannot embed file nested/n.txt: in different module", error("nested/n.txt"));
        assertEquals("pattern empty: cannot embed directory empty: contains no embeddable files", error("empty"));
        assertEquals("pattern dir/.git/config: cannot embed file dir/.git/config: in invalid directory .git",
                error("dir/.git/config"));
    }

    @Test
    void walksStopAtNestedModules() throws Exception {
        TestMirror.write(module, files("pkg/holder/h.txt", "h"));
        assertEquals(List.of("holder/h.txt"), resolver.resolve(List.of("holder")));
    }
}
