package dev.gosync.bundle.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed, strict access to a parsed JSON object: every key must be known, every expected key
 * present, and every value of the expected JSON type. Failures are reported through the
 * caller's exception factory so each document type keeps its own error family.
 *
 * @param node the object
 * @param what names the object in messages, e.g. {@code "manifest"} or {@code "manifest file row 3"}
 * @param error turns a message into the caller's exception
 */
public record StrictObject(ObjectNode node, String what, Function<String, RuntimeException> error) {

    /** Wraps {@code value}, which must be an object. */
    public static StrictObject of(JsonNode value, String what, Function<String, RuntimeException> error) {
        if (value == null || !value.isObject()) {
            throw error.apply(what + " must be a JSON object");
        }
        return new StrictObject((ObjectNode) value, what, error);
    }

    /** Fails unless the object has exactly the keys in {@code keys}. */
    public StrictObject requireKeys(Set<String> keys) {
        Set<String> present = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            present.add(it.next());
        }
        Set<String> unknown = new TreeSet<>(present);
        unknown.removeAll(keys);
        if (!unknown.isEmpty()) {
            throw error.apply(what + " has unknown field(s) " + unknown);
        }
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(present);
        if (!missing.isEmpty()) {
            throw error.apply(what + " lacks field(s) " + missing);
        }
        return this;
    }

    public String string(String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw error.apply(what + " field \"" + key + "\" must be a string");
        }
        return value.textValue();
    }

    /** A string or JSON null (returned as Java null). */
    public String nullableString(String key) {
        JsonNode value = node.get(key);
        return value != null && value.isNull() ? null : string(key);
    }

    /** A whole number from 0 to {@link Long#MAX_VALUE}; fractions and exponents are refused. */
    public long nonNegativeLong(String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw error.apply(what + " field \"" + key + "\" must be a whole number from 0 to " + Long.MAX_VALUE);
        }
        return value.longValue();
    }

    /** The elements of an array field. */
    public List<JsonNode> array(String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isArray()) {
            throw error.apply(what + " field \"" + key + "\" must be an array");
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    /** The elements of an array field, each of which must be a string. */
    public List<String> stringArray(String key) {
        List<String> strings = new ArrayList<>();
        for (JsonNode element : array(key)) {
            if (!element.isTextual()) {
                throw error.apply(what + " field \"" + key + "\" must hold only strings");
            }
            strings.add(element.textValue());
        }
        return strings;
    }
}
