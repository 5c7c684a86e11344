package dev.gosync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosync.agent.export.ExportResult;
import dev.gosync.agent.export.ModuleRow;
import dev.gosync.gomod.module.LayoutPath;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;

/** Prints an {@link ExportResult}: a summary for people, or the {@code --json} document. */
public final class ExportReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExportReport() {
    }

    /**
     * The {@code --json} document: the bundle (id, files, sizes, channel position), what was
     * downloaded, the redacted sources, one object per module version of the plan with why it is
     * needed, and the timings in milliseconds.
     */
    static String json(ExportResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("dryRun", r.dryRun());
        root.put("bundleId", r.bundleId().orElse(null));
        ArrayNode bundleFiles = root.putArray("bundleFiles");
        r.bundleFiles().forEach(p -> bundleFiles.add(p.toString()));
        root.put("compressedBytes", r.compressedBytes());
        root.put("channel", r.channel());
        root.put("sequence", r.sequence());
        root.put("parent", r.parent().orElse(null));
        root.put("files", r.files());
        root.put("bytes", r.bytes());
        root.put("alreadyShipped", r.alreadyShipped());
        root.put("downloadedFiles", r.downloadedFiles());
        root.put("downloadedBytes", r.downloadedBytes());
        ArrayNode sources = root.putArray("sources");
        r.sources().forEach(sources::add);
        ArrayNode modules = root.putArray("modules");
        for (ModuleRow row : r.modules()) {
            ObjectNode m = modules.addObject();
            m.put("path", row.module().path());
            m.put("version", row.module().version());
            m.put("reason", row.reason());
            m.put("requiredBy", row.requiredBy().toString());
            m.put("replacement", row.replacement().orElse(null));
            ArrayNode files = m.putArray("files");
            row.files().stream().sorted(Comparator.naturalOrder()).forEach(k -> files.add(k.suffix().substring(1)));
            m.put("bytes", row.bytes());
            m.put("downloads", row.downloads());
        }
        ObjectNode timings = root.putObject("timingsMillis");
        timings.put("resolve", r.timings().resolve().toMillis());
        timings.put("fetch", r.timings().fetch().toMillis());
        timings.put("check", r.timings().check().toMillis());
        timings.put("write", r.timings().write().toMillis());
        timings.put("total", r.timings().total().toMillis());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The {@code --dry-run} plan: one line per module version and why, then the totals. */
    static void plan(ExportResult r, PrintWriter out) {
        for (ModuleRow row : r.modules()) {
            String files = row.files().isEmpty() ? "local directory, nothing to fetch"
                    : String.join(" ", row.files().stream().sorted().map(ExportReport::name).toList());
            out.println(row.module().path() + " " + row.module().version()
                    + row.replacement().map(t -> " => " + t).orElse("")
                    + "  [" + row.reason() + ": " + files + "]  required by " + row.requiredBy()
                    + (row.downloads() == 0 ? "  cached " + ByteSize.format(row.bytes())
                    : "  " + row.downloads() + " to fetch"));
        }
        out.println(r.modules().size() + " entries, " + r.files() + " files: " + r.downloadedFiles() + " to fetch, "
                + ByteSize.format(r.bytes()) + " already cached");
        out.println("bundle would be channel " + r.channel() + " #" + r.sequence()
                + r.parent().map(p -> " after " + p).orElse(" (first of its channel)")
                + "; sources: " + String.join(", ", r.sources()));
    }

    /** What a written bundle holds and where the time went. */
    public static void summary(ExportResult r, PrintWriter out) {
        Path first = r.bundleFiles().get(0);
        out.println("wrote bundle " + r.bundleId().orElseThrow() + (r.bundleFiles().size() == 1 ? " to " + first
                : " in " + (r.bundleFiles().size() - 1) + " parts, index " + r.bundleFiles().get(r.bundleFiles().size() - 1)));
        out.println("  " + r.files() + " files, " + ByteSize.format(r.bytes()) + " (" + ByteSize.format(r.compressedBytes())
                + " compressed), channel " + r.channel() + " #" + r.sequence()
                + r.parent().map(p -> " after " + p).orElse("")
                + (r.alreadyShipped() > 0 ? ", " + r.alreadyShipped() + " files shipped before left out" : ""));
        out.println("  downloaded " + r.downloadedFiles() + " files (" + ByteSize.format(r.downloadedBytes())
                + ") from " + String.join(", ", r.sources()));
        out.println("  time: resolve " + seconds(r.timings().resolve()) + ", fetch " + seconds(r.timings().fetch())
                + ", check " + seconds(r.timings().check()) + ", write " + seconds(r.timings().write())
                + ", total " + seconds(r.timings().total()));
    }

    private static String name(LayoutPath.Kind kind) {
        return kind.suffix().substring(1);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
