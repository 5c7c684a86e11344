package dev.gosync.gomod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GoPaths.clean gives Go's path.Clean answers. */
class GoPathsTest {

    @ParameterizedTest(name = "Clean({0}) = {1}")
    @CsvSource({
        "'', .", "., .", "/, /", "a, a", "a/, a", "a//b, a/b", "./a, a", "a/./b, a/b", "a/.., .",
        "a/b/.., a", ".., ..", "../a, ../a", "a/../../b, ../b", "../../a/.., ../..", "/.., /", "/../a, /a",
        "//a//, /a", "a/b/../../.., ..", "\u00fc/./x/, \u00fc/x"
    })
    void cleansLikeGo(String path, String clean) {
        assertEquals(clean, GoPaths.clean(path));
    }
}
