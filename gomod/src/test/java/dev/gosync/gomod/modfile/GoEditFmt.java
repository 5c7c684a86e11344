package dev.gosync.gomod.modfile;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the real {@code go mod edit -json} and {@code -fmt} (or {@code go work edit …}) on many
 * files at once:
 * each file in a directory of its own, one shell pipeline for all of them, running several go
 * commands at a time.
 */
final class GoEditFmt {
    /**
     * What the go command did with one file.
     *
     * @param fileName the name its error messages use for the file
     * @param output   the rewritten file, or null when the go command refused it
     * @param stderr   decoded as Go decodes text, so that invalid UTF-8 reads as in our messages
     * @param json     what {@code -json} printed: the parsed file as the go command sees it
     */
    record Outcome(String fileName, byte[] output, String stderr, String json) {
        boolean accepted() {
            return output != null;
        }
    }

    private GoEditFmt() {
    }

    /** @param kind {@code mod} or {@code work} */
    static List<Outcome> run(Path root, String kind, List<Corpus.Case> cases) {
        GoSandbox sandbox = GoSandbox.create(root.resolve("sandbox"));
        String file = "go." + kind;
        try {
            Path work = Files.createDirectories(root.resolve("cases"));
            for (int i = 0; i < cases.size(); i++) {
                Path dir = Files.createDirectories(work.resolve(String.format("c%05d", i)));
                Files.write(dir.resolve(file), cases.get(i).content());
            }
            // A go run mostly waits, so running many at once saves most of the time.
            String edit = "go " + kind + " edit";
            String script = "ls -d c*/ | xargs -P 16 -I{} sh -c 'cd \"$1\" && " + edit + " -json >json 2>/dev/null; "
                    + edit + " -fmt 2>stderr; echo $? >rc' _ {}";
            ProcessResult loop = sandbox.run(work, Duration.ofMinutes(5), "sh", "-c", script);
            loop.orThrow();
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                Path dir = work.resolve(String.format("c%05d", i));
                boolean ok = Files.readString(dir.resolve("rc")).trim().equals("0");
                String stderr = GoText.toJava(GoText.fromBytes(Files.readAllBytes(dir.resolve("stderr"))));
                // go mod edit names the file by its full path, go work edit by a relative one.
                String fileName = kind.equals("mod") ? dir.resolve(file).toString() : file;
                String json = ok ? Files.readString(dir.resolve("json")) : null;
                outcomes.add(new Outcome(fileName, ok ? Files.readAllBytes(dir.resolve(file)) : null, stderr, json));
            }
            return outcomes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
