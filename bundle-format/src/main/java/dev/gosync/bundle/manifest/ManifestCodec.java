package dev.gosync.bundle.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosync.bundle.json.CanonicalJson;
import dev.gosync.bundle.json.StrictObject;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manifest's JSON form ({@code manifest.json}): written in the {@link CanonicalJson}
 * layout, read strictly.
 *
 * <p>Fields: {@code format} ({@code "gosync-bundle/1"}), {@code id}, {@code channel},
 * {@code sequence}, {@code parent} (id or null), {@code created} ({@code 2024-05-01T12:00:00Z}),
 * {@code tool}, {@code signature}, {@code sources} (strings), {@code files} (objects with
 * {@code path}, {@code size}, {@code sha256}, {@code h1} (string or null)). All fields are
 * always present; unknown fields are refused, because a reader that skipped a field it does
 * not understand could miss a rule that the field carries. Evolution goes through the format
 * number: a reader refuses, by name, a format it does not know.
 *
 * <p>A manifest that parses is also checked to be byte-for-byte canonical and to carry the id
 * derived from its content; only gosync's own output passes.
 */
public final class ManifestCodec {
    private static final String FORMAT_PREFIX = "gosync-bundle/";
    private static final Pattern FORMAT = Pattern.compile("gosync-bundle/([1-9][0-9]{0,8})");
    private static final Pattern TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
    private static final Set<String> KEYS = Set.of("format", "id", "channel", "sequence", "parent", "created",
            "tool", "signature", "sources", "files");
    private static final Set<String> ROW_KEYS = Set.of("path", "size", "sha256", "h1");

    private ManifestCodec() {
    }

    /** The canonical bytes of {@code manifest}. */
    public static byte[] write(Manifest manifest) {
        return CanonicalJson.write(toJson(manifest, true));
    }

    /**
     * The id of the bundle described by {@code manifest} (whose own {@code id} is ignored): the
     * SHA-256 of the canonical manifest written without its {@code id} field, as lowercase hex,
     * first 32 digits (128 bits). Equal content gives the equal id; any change of a file, the
     * channel, sequence, parent, time, tool, signature scheme or sources gives another.
     */
    public static String bundleId(Manifest manifest) {
        byte[] withoutId = CanonicalJson.write(toJson(manifest, false));
        return HexFormat.of().formatHex(sha256(withoutId)).substring(0, 32);
    }

    /** Parses and checks a manifest, see the class comment. */
    public static Manifest parse(byte[] bytes) {
        ObjectNode json;
        try {
            json = CanonicalJson.parse(bytes);
        } catch (IOException e) {
            throw new ManifestException("the manifest is not valid JSON: " + e.getMessage(),
                    "the bundle is damaged or was not written by gosync", e);
        }
        StrictObject fields = new StrictObject(json, "the manifest", ManifestException::new);
        checkFormat(json.get("format"));
        fields.requireKeys(KEYS);
        List<FileRow> rows = new ArrayList<>();
        List<JsonNode> elements = fields.array("files");
        for (int i = 0; i < elements.size(); i++) {
            StrictObject row = StrictObject.of(elements.get(i), "manifest file row " + (i + 1), ManifestException::new)
                    .requireKeys(ROW_KEYS);
            rows.add(new FileRow(row.string("path"), row.nonNegativeLong("size"), row.string("sha256"),
                    row.nullableString("h1")));
        }
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, fields.string("id"), fields.string("channel"),
                fields.nonNegativeLong("sequence"), fields.nullableString("parent"), time(fields.string("created")),
                fields.string("tool"), fields.string("signature"), fields.stringArray("sources"), rows);
        String derived = bundleId(manifest);
        if (!derived.equals(manifest.id())) {
            throw new ManifestException("the manifest says its bundle id is " + manifest.id() + " but its content "
                    + "gives " + derived + ": the manifest was altered", "obtain the bundle again from its source");
        }
        if (!Arrays.equals(write(manifest), bytes)) {
            throw new ManifestException("the manifest of bundle " + manifest.id() + " is not in canonical form "
                    + "(layout, key order or escaping differ from what gosync writes)",
                    "bundles must be written by gosync; obtain the bundle again from its source");
        }
        return manifest;
    }

    private static void checkFormat(JsonNode format) {
        if (format == null || !format.isTextual() || !format.textValue().startsWith(FORMAT_PREFIX)) {
            throw new ManifestException("not a gosync bundle manifest: the \"format\" field is missing or does not "
                    + "start with \"" + FORMAT_PREFIX + "\"");
        }
        Matcher m = FORMAT.matcher(format.textValue());
        if (!m.matches()) {
            throw new ManifestException("not a gosync bundle manifest: unrecognised format "
                    + BundlePath.quote(format.textValue()));
        }
        int version = Integer.parseInt(m.group(1));
        if (version != Manifest.FORMAT_VERSION) {
            throw new ManifestException("the bundle has format " + FORMAT_PREFIX + version + ", but this gosync "
                    + "reads only " + FORMAT_PREFIX + Manifest.FORMAT_VERSION,
                    "use a gosync release that supports " + FORMAT_PREFIX + version);
        }
    }

    private static Instant time(String text) {
        if (TIME.matcher(text).matches()) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                // falls through to the error below
            }
        }
        throw new ManifestException("created time " + BundlePath.quote(text) + " must look like 2024-05-01T12:00:00Z");
    }

    private static ObjectNode toJson(Manifest m, boolean withId) {
        ObjectNode json = CanonicalJson.object();
        json.put("format", FORMAT_PREFIX + m.formatVersion());
        if (withId) {
            json.put("id", m.id());
        }
        json.put("channel", m.channel());
        json.put("sequence", m.sequence());
        json.put("parent", m.parent());
        json.put("created", m.created().toString());
        json.put("tool", m.tool());
        json.put("signature", m.signature());
        ArrayNode sources = json.putArray("sources");
        m.sources().forEach(sources::add);
        ArrayNode files = json.putArray("files");
        for (FileRow row : m.files()) {
            files.addObject()
                    .put("path", row.path())
                    .put("size", row.size())
                    .put("sha256", row.sha256())
                    .put("h1", row.h1());
        }
        return json;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
