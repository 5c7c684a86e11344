package dev.gosync.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosync.gomod.GosyncException;
import dev.gosync.serve.mirror.AuditEvent;
import dev.gosync.serve.mirror.ChainHead;
import dev.gosync.serve.mirror.ImportedBundle;
import dev.gosync.serve.mirror.IndexedFile;
import dev.gosync.serve.mirror.Mirror;
import dev.gosync.serve.trust.SignerName;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gosync log}: a mirror's audit log, its imported bundles and its channels. */
@Command(name = "log", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Show a mirror's audit log: every import, refusal and override, with time, operator and "
                + "bundle; with --bundles, the imported bundles and the newest bundle per channel and signer.")
final class LogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--mirror", required = true, paramLabel = "MIRROR", description = "The mirror directory.")
    Path mirror;

    @Option(names = "--bundles", description = "List the imported bundles and channel heads instead of the events.")
    boolean bundles;

    @Option(names = "--files", paramLabel = "BUNDLE_ID", description = "List the files one bundle brought.")
    String files;

    @Option(names = "--json", description = "Print everything (events, bundles, channels) as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Mirror opened = Mirror.openReadOnly(mirror)) {
            if (files != null) {
                listFiles(opened, out);
            } else if (json) {
                out.println(json(opened));
            } else if (bundles) {
                listBundles(opened, out);
            } else {
                for (AuditEvent e : opened.index().events()) {
                    out.println(e.time() + "  " + e.operator() + "  " + e.action()
                            + (e.bundleId() == null ? "" : "  " + e.bundleId()) + "  " + e.detail());
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void listFiles(Mirror opened, PrintWriter out) {
        if (opened.index().bundle(files).isEmpty()) {
            throw new GosyncException("mirror " + mirror + " has no bundle " + files, "gosync log --bundles --mirror "
                    + mirror + " lists the bundle ids");
        }
        for (IndexedFile f : opened.index().bundleFiles(files)) {
            out.println(f.path() + "  " + f.size() + "  sha256:" + f.sha256() + (f.h1() == null ? "" : "  " + f.h1()));
        }
    }

    private void listBundles(Mirror opened, PrintWriter out) {
        for (ImportedBundle b : opened.index().bundles()) {
            out.println(b.id() + "  " + b.state() + "  channel " + b.channel() + " #" + b.sequence()
                    + (b.parent() == null ? "" : " after " + b.parent()) + "  signer " + SignerName.of(b.signer(), b.principals()) + "  " + b.files()
                    + " files (" + b.newFiles() + " new), " + ByteSize.format(b.bytes()) + "  imported " + b.importedAt()
                    + " by " + b.operator() + " from " + b.bundleName()
                    + (b.overrides().isEmpty() ? "" : "  overrides: " + String.join("; ", b.overrides())));
        }
        for (ChainHead h : opened.index().heads()) {
            out.println("channel " + h.channel() + " from " + h.signer() + ": newest #" + h.sequence() + " "
                    + h.bundleId() + " (created " + h.created() + ")");
        }
    }

    private String json(Mirror opened) {
        ObjectNode root = ImportReport.JSON.createObjectNode();
        root.put("mirror", mirror.toString());
        ArrayNode events = root.putArray("events");
        for (AuditEvent e : opened.index().events()) {
            ObjectNode n = events.addObject();
            n.put("n", e.number());
            n.put("time", e.time().toString());
            n.put("operator", e.operator());
            n.put("action", e.action());
            n.put("bundleId", e.bundleId());
            n.put("detail", e.detail());
        }
        ArrayNode list = root.putArray("bundles");
        for (ImportedBundle b : opened.index().bundles()) {
            ObjectNode n = list.addObject();
            n.put("id", b.id());
            n.put("state", b.state());
            n.put("channel", b.channel());
            n.put("sequence", b.sequence());
            n.put("parent", b.parent());
            n.put("created", b.created().toString());
            n.put("signer", b.signer());
            strings(n.putArray("principals"), b.principals());
            n.put("tool", b.tool());
            n.put("bundle", b.bundleName());
            n.put("files", b.files());
            n.put("bytes", b.bytes());
            n.put("newFiles", b.newFiles());
            n.put("importedAt", b.importedAt().toString());
            n.put("operator", b.operator());
            strings(n.putArray("overrides"), b.overrides());
        }
        ArrayNode channels = root.putArray("channels");
        for (ChainHead h : opened.index().heads()) {
            ObjectNode n = channels.addObject();
            n.put("channel", h.channel());
            n.put("signer", h.signer());
            n.put("bundleId", h.bundleId());
            n.put("sequence", h.sequence());
            n.put("created", h.created().toString());
        }
        return ImportReport.write(root);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
