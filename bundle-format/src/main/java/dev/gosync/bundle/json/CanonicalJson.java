package dev.gosync.bundle.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Writes and reads the canonical JSON layout of bundle documents.
 *
 * <p>The layout: a top-level object with one member per line, keys sorted, two-space indent,
 * {@code ": "} after each key; a non-empty array value holds one element per line; every value
 * below that is compact (no spaces) with sorted keys; UTF-8, {@code \n} line ends, a final
 * newline. Files stay readable and diffable line by line while one content has exactly one
 * byte form, which is what lets a signature and a content-derived id cover the bytes.
 *
 * <p>Reading is strict: duplicate keys, trailing content and a top level that is not an object
 * are errors. Numbers are only ever integers in our documents; fractions are refused by the
 * callers' field checks.
 */
public final class CanonicalJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private CanonicalJson() {
    }

    /** A new, empty object node to fill before {@link #write}. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The canonical bytes of {@code document}. */
    public static byte[] write(ObjectNode document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeAscii(out, "{");
            List<String> keys = sortedKeys(document);
            for (int i = 0; i < keys.size(); i++) {
                writeAscii(out, i == 0 ? "\n  " : ",\n  ");
                out.writeBytes(compact(MAPPER.getNodeFactory().textNode(keys.get(i))));
                writeAscii(out, ": ");
                writeMember(out, document.get(keys.get(i)));
            }
            writeAscii(out, keys.isEmpty() ? "}\n" : "\n}\n");
        } catch (IOException e) {
            // Only a bug can make Jackson fail on a tree in memory.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Parses {@code bytes} as one JSON object.
     *
     * @throws IOException with the parser's description when the bytes are not exactly one
     *     well-formed JSON object with unique keys
     */
    public static ObjectNode parse(byte[] bytes) throws IOException {
        JsonNode node = MAPPER.readTree(bytes);
        if (node == null || !node.isObject()) {
            throw new IOException("the document is not a JSON object");
        }
        return (ObjectNode) node;
    }

    private static void writeMember(ByteArrayOutputStream out, JsonNode value) throws IOException {
        if (!value.isArray() || value.isEmpty()) {
            out.writeBytes(compact(value));
            return;
        }
        writeAscii(out, "[");
        for (int i = 0; i < value.size(); i++) {
            writeAscii(out, i == 0 ? "\n    " : ",\n    ");
            out.writeBytes(compact(value.get(i)));
        }
        writeAscii(out, "\n  ]");
    }

    private static byte[] compact(JsonNode value) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JsonGenerator gen = FACTORY.createGenerator(buf, JsonEncoding.UTF8)) {
            writeCompact(gen, value);
        }
        return buf.toByteArray();
    }

    private static void writeCompact(JsonGenerator gen, JsonNode value) throws IOException {
        if (value.isObject()) {
            gen.writeStartObject();
            for (String key : sortedKeys((ObjectNode) value)) {
                gen.writeFieldName(key);
                writeCompact(gen, value.get(key));
            }
            gen.writeEndObject();
        } else if (value.isArray()) {
            gen.writeStartArray();
            for (JsonNode element : value) {
                writeCompact(gen, element);
            }
            gen.writeEndArray();
        } else {
            // Scalars (strings, integers, booleans, null) have a single Jackson rendering.
            MAPPER.writeTree(gen, value);
        }
    }

    private static List<String> sortedKeys(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        keys.sort(null);
        return keys;
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
