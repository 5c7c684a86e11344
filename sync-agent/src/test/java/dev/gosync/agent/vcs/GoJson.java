package dev.gosync.agent.vcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reading what the go command prints with {@code -json}: a stream of objects. */
final class GoJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private GoJson() {
    }

    static List<JsonNode> stream(String text) {
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

    /** A copy of the object without the named fields. */
    static JsonNode without(JsonNode object, String... fields) {
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of(fields));
        return copy;
    }
}
