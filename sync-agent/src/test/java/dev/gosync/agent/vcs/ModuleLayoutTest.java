package dev.gosync.agent.vcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gosync.gomod.store.ModuleNotFoundException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a module lives in its repository, as the go command's {@code newCodeRepo} computes it. */
class ModuleLayoutTest {
    private static final String ROOT = "github.com/o/r";

    @ParameterizedTest(name = "{0} in {1} (subdir \"{2}\")")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "github.com/o/r           | github.com/o/r    | ''  | ''      | ''   | ''   | github.com/o/r",
            "github.com/o/r/sub       | github.com/o/r    | ''  | sub     | ''   | ''   | github.com/o/r/sub",
            "github.com/o/r/v3        | github.com/o/r    | ''  | ''      | /v3  | v3   | github.com/o/r",
            "github.com/o/r/sub/v2    | github.com/o/r    | ''  | sub     | /v2  | v2   | github.com/o/r/sub",
            "github.com/o/r/v2        | github.com/o/r/v2 | ''  | ''      | /v2  | v2   | github.com/o/r/v2",
            "github.com/o/r/x         | github.com/o/r    | go  | x/go    | ''   | ''   | github.com/o/r/x",
            "github.com/o/r           | github.com/o/r    | go  | go      | ''   | ''   | github.com/o/r",
            "gopkg.in/yaml.v2         | gopkg.in/yaml.v2  | ''  | ''      | .v2  | v2   | gopkg.in/yaml.v2",
            "gopkg.in/x.v2-unstable   | gopkg.in/x.v2-unstable | '' | '' | .v2-unstable | v2 | gopkg.in/x.v2-unstable"})
    void layoutIsWhatTheGoCommandComputes(String path, String root, String subdir, String codeDir, String pathMajor,
            String pseudoMajor, String pathPrefix) {
        ModuleLayout l = ModuleLayout.of(path, root, subdir);
        assertEquals(new ModuleLayout(path, root, codeDir, pathPrefix, pathMajor, pseudoMajor), l);
    }

    @ParameterizedTest
    @CsvSource({"github.com/o/other", "github.com/o/rx", "github.com/o"})
    void modulesOutsideTheRepositoryAreNotFound(String path) {
        ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class, () -> ModuleLayout.of(path, ROOT, ""));
        assertEquals("mismatched repo: found " + ROOT + " for " + path, e.getMessage());
    }
}
