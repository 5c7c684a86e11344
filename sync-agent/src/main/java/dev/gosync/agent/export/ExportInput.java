package dev.gosync.agent.export;

import dev.gosync.gomod.resolve.ModuleQuery;
import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One thing to export: a project directory (go.mod or go.work) or a module query. */
public sealed interface ExportInput {
    /** How the input is shown in progress and results. */
    String describe();

    /** A directory holding a go.work (a workspace) or a go.mod. */
    record Project(Path dir) implements ExportInput {
        public Project {
            Objects.requireNonNull(dir, "dir");
        }

        @Override
        public String describe() {
            return dir.toString();
        }
    }

    /** A module query such as {@code example.com/m@v1.2.3} or {@code example.com/m@latest}. */
    record Query(ModuleQuery query) implements ExportInput {
        public Query {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public String describe() {
            return query.toString();
        }
    }

    /**
     * Reads one command-line argument: an existing directory is a project; otherwise an argument
     * with {@code @} is a module query, and anything else a project directory (which then must
     * exist when the export reads it).
     *
     * @param base the directory relative paths are resolved against
     * @throws dev.gosync.gomod.resolve.ModuleQueryException if a query is malformed
     */
    static ExportInput parse(String arg, Path base) {
        Path dir = base.resolve(arg).normalize();
        if (!Files.isDirectory(dir) && arg.contains("@")) {
            return new Query(ModuleQuery.parse(arg));
        }
        return new Project(dir);
    }

    /**
     * Reads a list of inputs, one per line as on the command line; blank lines and lines starting
     * with {@code #} are skipped, and relative directories are taken from the list file's directory.
     *
     * @throws GosyncException if the file cannot be read or an entry is malformed
     */
    static List<ExportInput> readList(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GosyncException("cannot read the input list " + file + ": " + e.getMessage(),
                    "check the path given to --from-file", e);
        }
        Path base = file.toAbsolutePath().getParent();
        List<ExportInput> inputs = new ArrayList<>();
        for (String line : lines) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                inputs.add(parse(entry, base));
            }
        }
        return inputs;
    }
}
