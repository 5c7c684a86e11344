package dev.gosync.bundle.parts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.json.CanonicalJson;
import dev.gosync.bundle.json.StrictObject;
import dev.gosync.bundle.manifest.Manifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The index of a split bundle ({@code B.parts.json}), in the canonical JSON layout:
 * {@code {"bundle": id, "format": "gosync-bundle-parts/1", "parts": [{"sha256": ..., "size": ...}, ...],
 * "size": total}}.
 *
 * @param bundleId the id of the bundle the parts hold
 * @param parts each part's size and SHA-256, in order
 */
record PartIndex(String bundleId, List<Part> parts) {
    static final String FORMAT = "gosync-bundle-parts/1";

    /** One part's size (positive) and SHA-256 (lowercase hex). */
    record Part(long size, String sha256) {
    }

    public PartIndex {
        parts = List.copyOf(parts);
    }

    long totalSize() {
        return parts.stream().mapToLong(Part::size).sum();
    }

    byte[] write() {
        ObjectNode json = CanonicalJson.object();
        json.put("format", FORMAT);
        json.put("bundle", bundleId);
        json.put("size", totalSize());
        ArrayNode array = json.putArray("parts");
        for (Part part : parts) {
            array.addObject().put("size", part.size()).put("sha256", part.sha256());
        }
        return CanonicalJson.write(json);
    }

    /** Reads an index strictly; {@code source} names it in messages. */
    static PartIndex parse(byte[] bytes, String source) {
        Function<String, RuntimeException> error = why -> new BundleException(Problem.CORRUPT,
                "split bundle index " + source + " is damaged: " + why,
                "copy the index file again; it is written next to the parts");
        ObjectNode json;
        try {
            json = CanonicalJson.parse(bytes);
        } catch (IOException e) {
            throw error.apply("not valid JSON (" + e.getMessage() + ")");
        }
        StrictObject index = new StrictObject(json, "the index", error).requireKeys(Set.of("format", "bundle", "size",
                "parts"));
        if (!FORMAT.equals(index.string("format"))) {
            throw error.apply("format is \"" + index.string("format") + "\", expected \"" + FORMAT + "\"");
        }
        String bundleId = index.string("bundle");
        if (!Manifest.isBundleId(bundleId)) {
            throw error.apply("the bundle id is not 32 lowercase hex digits");
        }
        List<JsonNode> elements = index.array("parts");
        if (elements.isEmpty() || elements.size() > PartNames.MAX_PARTS) {
            throw error.apply("it lists " + elements.size() + " parts; expected 1 to " + PartNames.MAX_PARTS);
        }
        List<Part> parts = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < elements.size(); i++) {
            StrictObject part = StrictObject.of(elements.get(i), "part " + (i + 1), error)
                    .requireKeys(Set.of("size", "sha256"));
            long size = part.nonNegativeLong("size");
            String sha256 = part.string("sha256");
            if (size == 0 || !sha256.matches("[0-9a-f]{64}")) {
                throw error.apply("part " + (i + 1) + " needs a positive size and a 64-digit lowercase sha256");
            }
            try {
                total = Math.addExact(total, size);
            } catch (ArithmeticException e) {
                throw error.apply("the part sizes add up to more than " + Long.MAX_VALUE);
            }
            parts.add(new Part(size, sha256));
        }
        if (total != index.nonNegativeLong("size")) {
            throw error.apply("the part sizes add up to " + total + ", not " + index.nonNegativeLong("size"));
        }
        return new PartIndex(bundleId, parts);
    }
}
