package dev.gosync.agent.resolve;

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
 * {@code go list -m all} fetches).
 */
class RandomGraphDifferentialTest {
    private static final int GRAPHS = 60;

    @TempDir
    static Path tmp;
    static Differential differential;

    @BeforeAll
    static void start() {
        differential = Differential.start(tmp);
    }

    @AfterAll
    static void stop() {
        differential.close();
    }

    @TestFactory
    Stream<DynamicTest> resolutionMatchesTheGoCommand() {
        return LongStream.rangeClosed(1, GRAPHS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> differential.assertSameAsGo(RandomGraphs.generate(seed))));
    }
}
