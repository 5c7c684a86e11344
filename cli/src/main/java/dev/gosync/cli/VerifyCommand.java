package dev.gosync.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosync.gomod.GosyncException;
import dev.gosync.serve.importer.BundleVerifier;
import dev.gosync.serve.mirror.Mirror;
import dev.gosync.serve.mirror.MirrorCheck;
import dev.gosync.serve.trust.SignerName;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gosync verify}: a bundle with every check of an import, or a mirror against its index; read-only. */
@Command(name = "verify", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Check a bundle as an import would (signature and trust, every file's size, sha256 and h1, "
                + "the module zip rules), writing nothing; or, with --mirror, re-read every file of a mirror and "
                + "compare it with the mirror's index (bit rot, files changed, added or removed by hand).",
            "Exits 0 when everything checks out, 1 at the first problem (with --mirror: after listing them all)."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--mirror", paramLabel = "MIRROR", description = "Check this mirror instead of a bundle.")
    Path mirror;

    @Mixin
    TrustOptions trust;

    @Option(names = "--json", description = "Print the result as JSON on standard output.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress, and no summary unless --json asks for it.")
    boolean quiet;

    @Parameters(arity = "0..1", paramLabel = "BUNDLE",
            description = "The bundle (for a split bundle: its base name, first part or index).")
    Path bundle;

    @Override
    public Integer call() {
        if ((mirror == null) == (bundle == null)) {
            throw new ParameterException(spec.commandLine(), "give either a BUNDLE or --mirror MIRROR");
        }
        return mirror != null ? verifyMirror() : verifyBundle();
    }

    private int verifyBundle() {
        PrintWriter out = spec.commandLine().getOut();
        ImportProgress progress = new ImportProgress(spec.commandLine().getErr(), System.console() != null, quiet);
        BundleVerifier.Result r;
        try {
            r = new BundleVerifier(trust.load(spec.commandLine().getErr()), Path.of(System.getProperty("java.io.tmpdir"))).verify(bundle, progress);
        } catch (GosyncException e) {
            if (json) {
                ObjectNode root = ImportReport.JSON.createObjectNode();
                root.put("bundle", bundle.toString());
                root.put("valid", false);
                ImportReport.error(root, e);
                out.println(ImportReport.write(root));
                out.flush();
            }
            throw e;
        } finally {
            progress.finish();
        }
        String signer = SignerName.of(r.signer(), r.principals());
        if (json) {
            ObjectNode root = ImportReport.JSON.createObjectNode();
            root.put("bundle", r.bundleName());
            root.put("bundleId", r.manifest().id());
            root.put("valid", true);
            root.put("channel", r.manifest().channel());
            root.put("sequence", r.manifest().sequence());
            root.put("parent", r.manifest().parent());
            root.put("created", r.manifest().created().toString());
            root.put("signer", r.signer());
            ArrayNode principals = root.putArray("principals");
            r.principals().forEach(principals::add);
            root.put("files", r.manifest().files().size());
            root.put("bytes", r.manifest().totalSize());
            ArrayNode overrides = root.putArray("overrides");
            r.overrides().forEach(overrides::add);
            out.println(ImportReport.write(root));
        } else if (!quiet) {
            double seconds = Math.max(1e-3, r.elapsed().toNanos() / 1e9);
            out.println("bundle " + r.manifest().id() + " (" + r.bundleName() + ") is intact");
            out.println("  channel " + r.manifest().channel() + " #" + r.manifest().sequence()
                    + (r.manifest().parent() == null ? "" : " after " + r.manifest().parent()) + ", created "
                    + r.manifest().created() + ", signed by " + signer);
            out.println(String.format(Locale.ROOT, "  %d files, %s: size, sha256, h1 and module zip rules checked "
                    + "in %.1fs", r.manifest().files().size(), ByteSize.format(r.manifest().totalSize()), seconds));
            r.overrides().forEach(o -> out.println("  override: " + o));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Every few seconds, how many files were checked (a large mirror takes long); nothing with -q or --json. */
    private java.util.function.Consumer<String> progress(PrintWriter err) {
        if (quiet || json) {
            return path -> { };
        }
        err.println("checking mirror " + mirror + " against its index");
        err.flush();
        long[] state = {0, System.nanoTime()};
        return path -> {
            state[0]++;
            if (System.nanoTime() - state[1] > 5_000_000_000L) {
                state[1] = System.nanoTime();
                err.println("  " + state[0] + " files checked, now " + path);
                err.flush();
            }
        };
    }

    private int verifyMirror() {
        PrintWriter out = spec.commandLine().getOut();
        MirrorCheck.Report report;
        try (Mirror opened = Mirror.openReadOnly(mirror)) {
            report = MirrorCheck.run(opened, progress(spec.commandLine().getErr()));
        }
        if (json) {
            ObjectNode root = ImportReport.JSON.createObjectNode();
            root.put("mirror", mirror.toString());
            root.put("intact", report.intact());
            root.put("files", report.files());
            root.put("bytes", report.bytes());
            ArrayNode problems = root.putArray("problems");
            report.problems().forEach(problems::add);
            out.println(ImportReport.write(root));
        } else if (!quiet || !report.intact()) {
            report.problems().forEach(p -> out.println("  " + p));
            out.println("mirror " + mirror + ": " + report.files() + " files, " + ByteSize.format(report.bytes())
                    + " checked against the index; " + (report.intact() ? "intact"
                    : report.problems().size() + " problem(s)"));
        }
        out.flush();
        if (!report.intact()) {
            throw new GosyncException("mirror " + mirror + " does not match its index (" + report.problems().size()
                    + " problem(s), listed above)", "restore the damaged files from a backup, or from the bundles "
                    + "that brought them (gosync log --mirror names them); never edit a mirror by hand");
        }
        return ExitCodes.OK;
    }
}
