package dev.gosync.gomod.zip;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.fixtures.GoOracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** x/mod's zip package through the oracle, its answers in our types for comparison. */
final class XModZip {
    /** x/mod's CheckedFiles and the error its check function returned (null when none). */
    record Answer(CheckedFiles files, String err) {
    }

    private XModZip() {
    }

    static Answer checkZip(String path, String version, Path zip) {
        return answer(GoOracle.get().ask("zip.CheckZip", path, version, zip.toString()), UnaryOperator.identity());
    }

    /** CheckDir, with the paths it joins to dir made relative again (dir itself becomes "."). */
    static Answer checkDir(Path dir) {
        String root = dir.toString();
        return answer(GoOracle.get().ask("zip.CheckDir", root),
                p -> p.equals(root) ? "." : p.startsWith(root + "/") ? p.substring(root.length() + 1) : p);
    }

    /** CreateFromDir into zip; null on success, else x/mod's error. */
    static String createFromDir(Path zip, String path, String version, Path dir) {
        return GoOracle.get().error("zip.CreateFromDir", zip.toString(), path, version, dir.toString());
    }

    static String hashZip(Path zip) {
        return GoOracle.get().text("dirhash.HashZip", zip.toString());
    }

    private static Answer answer(JsonNode reply, UnaryOperator<String> path) {
        JsonNode r = reply.get("result");
        List<String> valid = new ArrayList<>();
        r.path("valid").forEach(v -> valid.add(path.apply(v.asText())));
        CheckedFiles files = new CheckedFiles(valid, problems(r.path("omitted"), path), problems(r.path("invalid"), path),
                r.hasNonNull("sizeError") ? Optional.of(r.get("sizeError").asText()) : Optional.empty());
        return new Answer(files, r.hasNonNull("err") ? r.get("err").asText() : null);
    }

    private static List<FileProblem> problems(JsonNode list, UnaryOperator<String> path) {
        List<FileProblem> out = new ArrayList<>();
        list.forEach(p -> out.add(new FileProblem(path.apply(p.get("path").asText()), p.get("err").asText())));
        return out;
    }
}
