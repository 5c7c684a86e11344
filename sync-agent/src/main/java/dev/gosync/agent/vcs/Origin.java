package dev.gosync.agent.vcs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a revision came from and what its resolution depended on: the go command's
 * {@code codehost.Origin} for git. Empty strings stand for absent fields.
 *
 * @param url       the repository URL the go command would have fetched
 * @param subdir    the module's directory in the repository ({@code codeDir})
 * @param hash      the full commit hash
 * @param tagPrefix the tag prefix {@link #tagSum} covers
 * @param tagSum    a checksum of the tags the answer depended on (pseudo-versions)
 * @param ref       the ref the query resolved through
 */
record Origin(String url, String subdir, String hash, String tagPrefix, String tagSum, String ref) {
    private static final ObjectMapper JSON = new ObjectMapper();

    Origin withTags(String prefix, String sum) {
        return new Origin(url, subdir, hash, prefix, sum, ref);
    }

    /** The JSON object the go command prints, fields in its order, empty ones left out. */
    String toJson() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("VCS", "git");
        put(fields, "URL", url);
        put(fields, "Subdir", subdir);
        put(fields, "Hash", hash);
        put(fields, "TagPrefix", tagPrefix);
        put(fields, "TagSum", tagSum);
        put(fields, "Ref", ref);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (!value.isEmpty()) {
            fields.put(name, value);
        }
    }
}
