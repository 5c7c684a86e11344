package dev.gosync.cli;

import dev.gosync.gomod.GosyncException;
import dev.gosync.serve.importer.ImportOptions;
import dev.gosync.serve.importer.ImportResult;
import dev.gosync.serve.importer.Importer;
import dev.gosync.serve.mirror.Mirror;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gosync import}: verifies bundles and imports each atomically into a mirror. */
@Command(name = "import", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Verify bundles (signature, every file's size, sha256 and h1, the module zip rules, the "
                + "channel's chain) and import each atomically into a mirror directory in GOPROXY layout, which "
                + "is created when missing. Bundles are imported in the order given; the first refusal stops.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--into", required = true, paramLabel = "MIRROR", description = "The mirror directory.")
    Path into;

    @Mixin
    TrustOptions trust;

    @Option(names = "--allow-rollback",
            description = "Accept a bundle older than its channel's newest one (logged; the channel does not move back).")
    boolean allowRollback;

    @Option(names = "--allow-missing-parent",
            description = "Accept a bundle whose parent bundle was never imported (logged).")
    boolean allowMissingParent;

    @Option(names = "--json", description = "Print the result as JSON on standard output.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress, and no summary unless --json asks for it; "
            + "warnings about overrides are still printed.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "BUNDLE",
            description = "Bundle files (for a split bundle: its base name, first part or index).")
    List<Path> bundles = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options = ImportOptions.of(trust.load(err)).withChainOverrides(allowRollback, allowMissingParent);
        ImportProgress progress = new ImportProgress(err, System.console() != null, quiet);
        List<ImportResult> results = new ArrayList<>();
        try (Mirror mirror = Mirror.open(into, true)) {
            Importer importer = new Importer(mirror, options);
            for (Path bundle : bundles) {
                ImportResult result;
                try {
                    result = importer.importBundle(bundle, progress);
                } catch (GosyncException e) {
                    if (json) {
                        // The bundles before this one are imported: the document says so, and why it stopped.
                        out.println(ImportReport.json(mirror.root(), results, bundle, e));
                        out.flush();
                    }
                    throw e;
                } finally {
                    progress.finish();
                }
                results.add(result);
                if (!json && !quiet) {
                    ImportReport.summary(result, out);
                    out.flush();
                }
            }
            if (json) {
                out.println(ImportReport.json(mirror.root(), results));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
