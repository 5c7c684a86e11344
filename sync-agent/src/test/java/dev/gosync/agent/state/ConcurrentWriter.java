package dev.gosync.agent.state;

import static dev.gosync.agent.state.TestManifests.next;
import static dev.gosync.agent.state.TestManifests.row;

import dev.gosync.agent.state.StateException.Problem;
import dev.gosync.bundle.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One export of the concurrency tests: records {@code count} bundles on a channel, each with one
 * file of its own, planning again whenever another writer got there first. Also runs as a
 * separate process: {@code ConcurrentWriter <state file> <channel> <writer name> <count> <ready file>},
 * creating the ready file once the state is open so that the other side can start at once.
 */
final class ConcurrentWriter {
    /** Bounds the retries; each lost race means another writer made progress. */
    private static final int MAX_ATTEMPTS = 10_000;

    private ConcurrentWriter() {
    }

    public static void main(String[] args) throws IOException {
        try (ExportState state = ExportState.open(Path.of(args[0]))) {
            Files.createFile(Path.of(args[4]));
            run(state, args[1], args[2], Integer.parseInt(args[3]));
        }
    }

    static void run(ExportState state, String channel, String writer, int count) {
        int attempts = 0;
        for (int i = 0; i < count; i++) {
            while (true) {
                if (++attempts > MAX_ATTEMPTS) {
                    throw new AssertionError(writer + " lost " + MAX_ATTEMPTS + " races in a row");
                }
                String path = "example.com/" + writer + "/@v/v1.0." + i + ".info";
                Manifest manifest = next(state.plan(channel), List.of(row(path, writer + " " + i)));
                try {
                    state.record(manifest, Path.of(writer + "-" + i));
                    break;
                } catch (StateException e) {
                    if (e.problem() != Problem.STALE_PLAN) {
                        throw e;
                    }
                }
            }
        }
    }
}
