package dev.gosync.gomod.store;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GoUtf8;
import dev.gosync.gomod.semver.PseudoVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The value of a {@code .info} file (and of an {@code @latest} answer): which version a revision
 * is, when it was made, and optionally where it came from.
 *
 * <p>Reading follows the go command, which decodes with Go's {@code encoding/json}: unknown
 * fields are ignored, keys match case-insensitively, a repeated key overrides the earlier one,
 * {@code null} leaves a field as it was, a field of another type is an error.
 *
 * @param version the version, never empty
 * @param time    the commit time as received (RFC 3339; the go command keeps the zone and the
 *                fraction of a second), or Go's zero time when none was given
 * @param origin  the {@code Origin} object as received, as JSON text, or null when absent; when the
 *                document repeats the key, the members of every object since the last {@code null},
 *                in order, which decodes to what Go's merging decoder makes of them
 */
public record RevInfo(String version, String time, String origin) {
    /** The largest {@code .info} document read; real ones have a few hundred bytes. */
    public static final int MAX_BYTES = 1 << 20;

    private static final String REMEDY =
            "the source serves revision info the go command would reject; fetch the module from another source";
    /** The fields of the go command's Origin, in the order it writes them. */
    private static final List<String> ORIGIN_FIELDS =
            List.of("VCS", "URL", "Subdir", "Hash", "TagPrefix", "TagSum", "Ref", "RepoSum");
    /** Fields the go command clears before caching: they only matter when resolving a query. */
    private static final Set<String> QUERY_ONLY_FIELDS = Set.of("TagPrefix", "TagSum", "RepoSum");
    private static final Map<String, String> ORIGIN_BY_FOLDED = new HashMap<>();

    static {
        ORIGIN_FIELDS.forEach(f -> ORIGIN_BY_FOLDED.put(fold(f), f));
    }

    /**
     * @throws InvalidInfoException if the version is empty, the time is not one the go command can
     *                              read and write, or the origin is not a JSON object whose known
     *                              fields are strings
     */
    public RevInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(time, "time");
        String source = "revision info";
        if (version.isEmpty()) {
            throw invalid(source, "no Version");
        }
        String problem = timeProblem(time);
        if (problem != null) {
            throw invalid(source, problem);
        }
        if (origin != null) {
            originFields(origin, source);
        }
    }

    /** Reads a {@code .info} document; see {@link #parse(byte[], String)}. */
    public static RevInfo parse(byte[] json) {
        return parse(json, ".info");
    }

    /**
     * Reads a {@code .info} or {@code @latest} document as the go command does.
     *
     * @param source what the document is, for messages: the module, version and file or URL
     * @throws InvalidInfoException if the go command would reject the document (also when it is
     *                              larger than {@link #MAX_BYTES}, or nests deeper than 64 levels)
     */
    public static RevInfo parse(byte[] json, String source) {
        if (json.length > MAX_BYTES) {
            throw invalid(source, "larger than " + MAX_BYTES + " bytes");
        }
        Json.Value document;
        try {
            document = Json.parse(json);
        } catch (MalformedJsonException e) {
            throw new InvalidInfoException(source + ": invalid revision info: " + e.getMessage(), REMEDY, e);
        }
        if (document instanceof Json.Literal literal && literal.isNull()) {
            throw invalid(source, "no Version");
        }
        if (!(document instanceof Json.Obj object)) {
            throw invalid(source, "expected a JSON object");
        }
        String version = "";
        String time = GoTime.ZERO;
        List<Json.Obj> originParts = new ArrayList<>();
        for (Json.Member member : object.members()) {
            switch (fold(member.key())) {
                case "VERSION" -> version = stringField("Version", member.value(), version, source);
                case "TIME" -> time = timeField(member.value(), time, source);
                case "ORIGIN" -> {
                    if (member.value() instanceof Json.Literal literal && literal.isNull()) {
                        originParts.clear();
                    } else if (member.value() instanceof Json.Obj part) {
                        originMembers(part, new HashMap<>(), source);
                        originParts.add(part);
                    } else {
                        throw invalid(source, "Origin is " + kind(member.value()) + ", expected an object");
                    }
                }
                default -> {
                    // The go command ignores fields it does not know.
                }
            }
        }
        if (version.isEmpty()) {
            throw invalid(source, "no Version");
        }
        String problem = timeProblem(time);
        if (problem != null) {
            throw invalid(source, problem);
        }
        return new RevInfo(version, time, originText(json, originParts));
    }

    /** The commit time as an instant. */
    public Instant instant() {
        return GoTime.parse(time).instant();
    }

    /**
     * The bytes the go command writes into its module cache for this revision (its
     * {@code writeDiskStat}): compact JSON with {@code Version}, {@code Time} re-formatted by Go's
     * rules, and {@code Origin} holding only the fields a cached version needs ({@code Ref} only
     * for non-pseudo-versions); strings escaped as Go's {@code json.Marshal} escapes them; no
     * trailing newline.
     */
    public byte[] toJson() {
        StringBuilder out = new StringBuilder(128).append("{\"Version\":");
        Json.appendGoString(out, version);
        out.append(",\"Time\":\"").append(GoTime.parse(time).format()).append('"');
        if (origin != null) {
            Map<String, String> fields = originFields(origin, "revision info");
            boolean pseudo = PseudoVersion.isPseudoVersion(version);
            out.append(",\"Origin\":{");
            String separator = "";
            for (String name : ORIGIN_FIELDS) {
                String value = fields.getOrDefault(name, "");
                if (value.isEmpty() || QUERY_ONLY_FIELDS.contains(name) || (pseudo && name.equals("Ref"))) {
                    continue;
                }
                out.append(separator).append('"').append(name).append("\":");
                Json.appendGoString(out, value);
                separator = ",";
            }
            out.append('}');
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String stringField(String name, Json.Value value, String current, String source) {
        if (value instanceof Json.Str s) {
            return s.text();
        }
        if (value instanceof Json.Literal literal && literal.isNull()) {
            return current;
        }
        throw invalid(source, name + " is " + kind(value) + ", expected a string");
    }

    private static String timeField(Json.Value value, String current, String source) {
        if (value instanceof Json.Str s) {
            // Go hands the raw bytes between the quotes to the time parser, so an escape never parses.
            if (s.escaped() || GoTime.parse(s.text()) == null) {
                throw invalid(source, "Time " + GoStrings.quote(s.text()) + " is not an RFC 3339 time");
            }
            return s.text();
        }
        return stringField("Time", value, current, source);
    }

    private static String timeProblem(String time) {
        GoTime parsed = GoTime.parse(time);
        if (parsed == null) {
            return "Time " + GoStrings.quote(time) + " is not an RFC 3339 time";
        }
        if (!parsed.marshallable()) {
            return "Time " + GoStrings.quote(time) + " has a zone offset of 24 hours or more, which the go command"
                    + " cannot record";
        }
        return null;
    }

    private static String originText(byte[] json, List<Json.Obj> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return GoUtf8.decodeAll(json, parts.get(0).start(), parts.get(0).end());
        }
        StringBuilder merged = new StringBuilder("{");
        String separator = "";
        for (Json.Obj part : parts) {
            for (Json.Member member : part.members()) {
                merged.append(separator).append(GoUtf8.decodeAll(json, member.start(), member.value().end()));
                separator = ",";
            }
        }
        return merged.append('}').toString();
    }

    /** The known Origin fields of an Origin text, by their canonical names. */
    private static Map<String, String> originFields(String origin, String source) {
        Json.Value value;
        try {
            value = Json.parse(GoStrings.bytes(origin));
        } catch (MalformedJsonException e) {
            throw new InvalidInfoException(source + ": invalid Origin: " + e.getMessage(), REMEDY, e);
        }
        if (!(value instanceof Json.Obj object)) {
            throw invalid(source, "Origin is " + kind(value) + ", expected an object");
        }
        Map<String, String> fields = new HashMap<>();
        originMembers(object, fields, source);
        return fields;
    }

    private static void originMembers(Json.Obj object, Map<String, String> fields, String source) {
        for (Json.Member member : object.members()) {
            String name = ORIGIN_BY_FOLDED.get(fold(member.key()));
            if (name != null) {
                fields.put(name, stringField("Origin." + name, member.value(), fields.getOrDefault(name, ""), source));
            }
        }
    }

    /**
     * The key as Go's decoder compares it with field names: case folded, with the Kelvin sign and
     * the long s (which Unicode folds to ASCII letters) taken as K and S.
     */
    private static String fold(String key) {
        StringBuilder out = new StringBuilder(key.length());
        key.codePoints().forEach(c -> out.appendCodePoint(
                c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c == 0x017F ? 'S' : c == 0x212A ? 'K' : c));
        return out.toString();
    }

    private static String kind(Json.Value value) {
        if (value instanceof Json.Literal literal) {
            return literal.isNull() ? "null"
                    : literal.text().equals("true") || literal.text().equals("false") ? "a boolean" : "a number";
        }
        return value instanceof Json.Obj ? "an object" : value instanceof Json.Arr ? "an array" : "a string";
    }

    private static InvalidInfoException invalid(String source, String reason) {
        return new InvalidInfoException(source + ": invalid revision info: " + reason, REMEDY);
    }
}
