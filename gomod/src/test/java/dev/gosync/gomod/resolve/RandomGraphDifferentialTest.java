package dev.gosync.gomod.resolve;

import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver against the real go command on seeded random module graphs (see
 * {@link RandomGraphs} for what they exercise and {@link Differential} for what is compared: the
 * build list of {@code go list -m all}, the go.mod files {@code go mod graph} reads, and the files
 * {@code go list -m all} fetches). Most graphs go through a {@code file://} proxy, whose fetches
 * show in the module cache; some through an HTTP proxy, whose requests show the same directly.
 */
class RandomGraphDifferentialTest {
    private static final int GRAPHS = 60;
    private static final int GRAPHS_OVER_HTTP = 10;

    @TempDir
    static Path tmp;
    static Differential overFiles;
    static Differential overHttp;

    @BeforeAll
    static void start() {
        overFiles = Differential.overFiles(tmp.resolve("files"));
        overHttp = Differential.overHttp(tmp.resolve("http"));
    }

    @AfterAll
    static void stop() {
        overFiles.close();
        overHttp.close();
    }

    @TestFactory
    Stream<DynamicTest> resolutionMatchesTheGoCommand() {
        return LongStream.rangeClosed(1, GRAPHS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> overFiles.assertSameAsGo(RandomGraphs.generate(seed))));
    }

    @TestFactory
    Stream<DynamicTest> resolutionMatchesTheRequestsTheGoCommandMakes() {
        return LongStream.rangeClosed(GRAPHS + 1, GRAPHS + GRAPHS_OVER_HTTP).mapToObj(seed -> DynamicTest.dynamicTest(
                "seed " + seed, () -> overHttp.assertSameAsGo(RandomGraphs.generate(seed))));
    }
}
