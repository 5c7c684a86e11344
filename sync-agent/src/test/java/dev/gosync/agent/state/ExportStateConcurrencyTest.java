package dev.gosync.agent.state;

import static dev.gosync.agent.state.TestManifests.next;
import static dev.gosync.agent.state.TestManifests.row;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.state.StateException.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several exports on one state file: no corruption, no forked channel, waits bounded. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExportStateConcurrencyTest {
    private static final int BUNDLES_PER_WRITER = 20;

    @TempDir
    Path tmp;

    @Test
    void threadsRecordingOnOneChannelBuildOneUnbrokenChain() throws Exception {
        Path file = tmp.resolve("state.db");
        int writers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String name = "w" + w;
                done.add(pool.submit(() -> {
                    start.await();
                    // Each its own connection, as separate exports would have; they also race to create the file.
                    try (ExportState state = ExportState.open(file)) {
                        ConcurrentWriter.run(state, "shared", name, BUNDLES_PER_WRITER);
                        ConcurrentWriter.run(state, "own-" + name, name, BUNDLES_PER_WRITER);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertUnbrokenChain(file, "shared", writers * BUNDLES_PER_WRITER);
        for (int w = 0; w < writers; w++) {
            assertUnbrokenChain(file, "own-w" + w, BUNDLES_PER_WRITER);
        }
        assertIntact(file);
    }

    @Test
    void processesRecordingOnOneChannelBuildOneUnbrokenChain() throws Exception {
        Path file = tmp.resolve("state.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path childLog = tmp.resolve("child.log");
        Path ready = tmp.resolve("child-ready");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ConcurrentWriter.class.getName(), file.toString(), "shared", "child",
                String.valueOf(BUNDLES_PER_WRITER), ready.toString())
                .redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        try {
            try (ExportState state = ExportState.open(file)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.exists(ready)) {
                    assertTrue(child.isAlive(), () -> "child failed:\n" + readQuietly(childLog));
                    assertTrue(System.nanoTime() < deadline, "the child process did not start");
                    Thread.sleep(10);
                }
                ConcurrentWriter.run(state, "shared", "parent", BUNDLES_PER_WRITER);
            }
            assertTrue(child.waitFor(90, TimeUnit.SECONDS), "the child process did not finish");
            assertEquals(0, child.exitValue(), () -> "child failed:\n" + readQuietly(childLog));
        } finally {
            child.destroyForcibly();
        }

        assertUnbrokenChain(file, "shared", 2 * BUNDLES_PER_WRITER);
        assertIntact(file);
    }

    @Test
    void recordWaitsForAnotherWriterToFinish() throws Exception {
        Path file = tmp.resolve("state.db");
        ExportState.open(file).close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                ExportState state = ExportState.open(file)) {
            IncrementalPlan plan = state.plan("stable");
            try (Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    try (Statement s = other.createStatement()) {
                        s.execute("COMMIT");
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();

            state.record(next(plan, List.of(row("example.com/m/@v/v1.0.0.zip", "z"))), tmp.resolve("b1"));

            release.join(10_000);
            assertEquals(2, state.plan("stable").sequence());
        }
    }

    @Test
    void writerHeldTooLongIsReportedAsBusyAndRecordsNothing() throws Exception {
        Path file = tmp.resolve("state.db");
        ExportState.open(file).close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                ExportState state = ExportState.open(file, Duration.ofMillis(200))) {
            IncrementalPlan plan = state.plan("stable");
            try (Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }

            StateException e = assertThrows(StateException.class, () -> state.record(
                    next(plan, List.of(row("example.com/m/@v/v1.0.0.zip", "z"))), tmp.resolve("b1")));

            try (Statement s = other.createStatement()) {
                s.execute("ROLLBACK");
            }
            assertAll(
                    () -> assertEquals(Problem.BUSY, e.problem()),
                    () -> assertTrue(e.getMessage().contains(file.toString()), e.getMessage()),
                    () -> assertNull(state.plan("stable").parent()));
        }
    }

    private static void assertUnbrokenChain(Path file, String channel, int length) {
        try (ExportState state = ExportState.open(file)) {
            List<RecordedBundle> history = state.history(channel);
            assertEquals(length, history.size(), channel);
            String parent = null;
            for (int i = 0; i < length; i++) {
                RecordedBundle bundle = history.get(i);
                assertEquals(i + 1, bundle.sequence(), channel);
                assertEquals(parent, bundle.parent(), channel + " sequence " + (i + 1));
                parent = bundle.id();
            }
            assertEquals(length, state.plan(channel).shipped().size(), channel);
        }
    }

    private static void assertIntact(Path file) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                assertTrue(!rs.next(), "foreign key violations");
            }
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "(no output: " + e + ")";
        }
    }
}
