package dev.gosync.agent.vcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.universe.FixtureModule;
import dev.gosync.fixtures.universe.FixtureUniverse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading what the go command prints with {@code -json} (a stream of objects), and the go
 * command's answers about the whole fixture universe that the differential tests of gosync's git
 * sources ({@code vcs}, {@code direct}) compare against.
 */
public final class GoJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private GoJson() {
    }

    public static List<JsonNode> stream(String text) {
        List<JsonNode> nodes = new ArrayList<>();
        try (var it = JSON.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
            it.forEachRemaining(nodes::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nodes;
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The objects by {@code Path@<field>}, or {@code Path@Version} for an object without the
     * field (a failed query names no result).
     */
    public static Map<String, JsonNode> byPathAt(List<JsonNode> nodes, String field) {
        Map<String, JsonNode> byKey = new HashMap<>();
        nodes.forEach(n -> byKey.put(n.get("Path").asText() + "@" + n.get(n.has(field) ? field : "Version").asText(), n));
        return byKey;
    }

    /** {@code go mod download -json} of every version of the universe, run in {@code dir}: by path@version. */
    public static Map<String, JsonNode> downloadAll(GoSandbox go, Path dir, FixtureUniverse universe) {
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        universe.versions().forEach(v -> args.add(v.modulePath() + "@" + v.version()));
        return byPathAt(stream(go.goOk(dir, args.toArray(String[]::new))), "Version");
    }

    /** {@code go list -m -versions -retracted} of every module of the universe, run in {@code dir}: lines by path. */
    public static Map<String, String> versionLines(GoSandbox go, Path dir, FixtureUniverse universe) {
        List<String> args = new ArrayList<>(List.of("list", "-m", "-versions", "-retracted"));
        universe.modules().forEach(m -> args.add(m.path()));
        Map<String, String> lines = new TreeMap<>();
        go.goOk(dir, args.toArray(String[]::new)).lines().forEach(l -> lines.put(l.split(" ", 2)[0], l));
        return lines;
    }

    /** The same lines built from a source's answer: the module path, then its versions. */
    public static String versionLine(FixtureModule module, List<String> versions) {
        List<String> line = new ArrayList<>(List.of(module.path()));
        line.addAll(versions);
        return String.join(" ", line);
    }

    /** The content of a file the go command named (its {@code Info} or {@code GoMod} field). */
    public static String fileText(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the object without the named fields. */
    static JsonNode without(JsonNode object, String... fields) {
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of(fields));
        return copy;
    }
}
