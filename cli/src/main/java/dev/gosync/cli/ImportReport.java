package dev.gosync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosync.gomod.GosyncException;
import dev.gosync.serve.importer.ImportResult;
import dev.gosync.serve.trust.SignerName;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Prints import results: a line per bundle for people, or the {@code --json} document. */
public final class ImportReport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImportReport() {
    }

    /** What an import did, in a few lines (the quickstart prints it too). */
    public static void summary(ImportResult r, PrintWriter out) {
        if (r.status() == ImportResult.Status.ALREADY_IMPORTED) {
            out.println("bundle " + r.bundleId() + " (" + r.bundleName() + ") was imported before; nothing changed");
            return;
        }
        double seconds = Math.max(1e-3, r.elapsed().toNanos() / 1e9);
        out.println("imported bundle " + r.bundleId() + " from " + r.bundleName());
        out.println("  channel " + r.channel() + " #" + r.sequence() + (r.parent() == null ? "" : " after " + r.parent())
                + ", signed by " + SignerName.of(r.signer(), r.principals()));
        out.println(String.format(Locale.ROOT, "  %d files (%d new), %s verified and published in %.1fs (%s/s)",
                r.files(), r.newFiles(), ByteSize.format(r.bytes()), seconds, ByteSize.format((long) (r.bytes() / seconds))));
        r.overrides().forEach(o -> out.println("  override: " + o));
    }

    static String json(Path mirror, List<ImportResult> results) {
        return write(jsonTree(mirror, results));
    }

    /** The document of the bundles imported so far, and the error that stopped the rest. */
    static String json(Path mirror, List<ImportResult> results, Path failedBundle, GosyncException error) {
        ObjectNode root = jsonTree(mirror, results);
        ObjectNode e = error(root, error);
        e.put("bundle", failedBundle.toString());
        return write(root);
    }

    /** Adds {@code "error": {"message", "remedy"}} to a document; returns the error object. */
    static ObjectNode error(ObjectNode root, GosyncException error) {
        ObjectNode e = root.putObject("error");
        e.put("message", error.getMessage());
        e.put("remedy", error.remedy());
        return e;
    }

    private static ObjectNode jsonTree(Path mirror, List<ImportResult> results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("mirror", mirror.toString());
        ArrayNode bundles = root.putArray("bundles");
        for (ImportResult r : results) {
            ObjectNode b = bundles.addObject();
            b.put("status", r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.put("bundleId", r.bundleId());
            b.put("bundle", r.bundleName());
            b.put("channel", r.channel());
            b.put("sequence", r.sequence());
            b.put("parent", r.parent());
            b.put("signer", r.signer());
            ArrayNode principals = b.putArray("principals");
            r.principals().forEach(principals::add);
            b.put("files", r.files());
            b.put("bytes", r.bytes());
            b.put("newFiles", r.newFiles());
            ArrayNode overrides = b.putArray("overrides");
            r.overrides().forEach(overrides::add);
            b.put("millis", r.elapsed().toMillis());
        }
        return root;
    }

    static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
