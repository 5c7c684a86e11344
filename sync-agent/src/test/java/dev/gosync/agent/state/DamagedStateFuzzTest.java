package dev.gosync.agent.state;

import static dev.gosync.agent.state.TestManifests.next;
import static dev.gosync.agent.state.TestManifests.row;

import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.fixtures.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A state file damaged anywhere gives a {@link StateException} (or still works), never another
 * exception or a hang.
 */
class DamagedStateFuzzTest {
    private static Path dir;
    private static byte[] template;

    @BeforeContainer
    static void writeTemplate() throws IOException {
        dir = Files.createTempDirectory("state-fuzz");
        Path file = dir.resolve("template.db");
        try (ExportState state = ExportState.open(file)) {
            for (int i = 0; i < 3; i++) {
                List<FileRow> rows = List.of(row("example.com/m/@v/v1.0." + i + ".zip", "zip " + i),
                        row("example.com/m/@v/v1.0." + i + ".mod", "mod " + i));
                state.record(next(state.plan("stable"), rows), dir.resolve("b" + i));
            }
        }
        template = Files.readAllBytes(file);
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        FileTrees.delete(dir);
    }

    @Property(tries = 200)
    void damagedStateFailsCleanly(@ForAll("damage") List<Tuple2<Integer, Byte>> damage) throws IOException {
        byte[] bytes = template.clone();
        for (Tuple2<Integer, Byte> d : damage) {
            bytes[d.get1() % bytes.length] = d.get2();
        }
        Path file = Files.createTempFile(dir, "damaged", ".db");
        Files.write(file, bytes);
        try (ExportState state = ExportState.open(file)) {
            IncrementalPlan plan = state.plan("stable");
            state.record(next(plan, List.of(row("example.com/n/@v/v1.0.0.zip", "new"))), dir.resolve("next"));
            state.history("stable");
            net.jqwik.api.statistics.Statistics.collect("ok");
        } catch (StateException expected) {
            net.jqwik.api.statistics.Statistics.collect(expected.problem());
            // A clean refusal is the point of the property.
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        }
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, Byte>>> damage() {
        Arbitrary<Tuple2<Integer, Byte>> one = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .flatMap(offset -> Arbitraries.bytes().map(value -> Tuple.of(offset, value)));
        return one.list().ofMinSize(1).ofMaxSize(64);
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
