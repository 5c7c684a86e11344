package dev.gosync.cli.quickstart;

import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.agent.export.ExportInput;
import dev.gosync.agent.export.ExportListener;
import dev.gosync.agent.export.ExportRequest;
import dev.gosync.agent.export.ExportResult;
import dev.gosync.agent.export.ExportSettings;
import dev.gosync.agent.export.Exporter;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.sign.sshkey.SshPublicKey;
import dev.gosync.cli.ExportReport;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.GoToolchain;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.fixtures.Processes;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.fixtures.universe.FixtureVersion;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.gosum.GoSum;
import dev.gosync.gomod.gosum.GoSumLine;
import dev.gosync.gomod.modfile.ModFile;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.store.StoredFile;
import dev.gosync.gomod.zip.CheckedFiles;
import dev.gosync.gomod.zip.ModuleZips;
import dev.gosync.serve.http.MirrorServer;
import dev.gosync.serve.http.ServeOptions;
import dev.gosync.serve.importer.BundleVerifier;
import dev.gosync.serve.importer.ImportListener;
import dev.gosync.serve.importer.ImportOptions;
import dev.gosync.serve.importer.ImportResult;
import dev.gosync.serve.importer.Importer;
import dev.gosync.serve.mirror.Mirror;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverrides;
import dev.gosync.serve.vendor.VendorResult;
import dev.gosync.serve.vendor.Vendorer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole mission on the bundled fixture project, on one machine: build the fixture universe;
 * make an upstream GOPROXY directory from its git repositories (JGit, no git binary), checking every
 * hash against the project's go.sum; serve it on 127.0.0.1; export the project into a signed bundle;
 * verify it (with gosync and, where installed, with tar and ssh-keygen); import it into a fresh
 * mirror; serve the mirror; build and test the project offline against it with a fresh module cache
 * (when a go command is installed); vendor the project from the mirror and build it with
 * {@code -mod=vendor}. Everything started is stopped before it returns.
 */
public final class Quickstart {
    private static final String GO_MOD_SUFFIX = "/go.mod";
    private static final String SIGNER = "quickstart";
    private final Path workDir;
    private final PrintWriter out;
    private int step;

    public Quickstart(Path workDir, PrintWriter out) {
        this.workDir = workDir;
        this.out = out;
    }

    /** Runs every step; returns normally only when everything matched. */
    public void run() {
        step("Building the fixture universe (deterministic git repositories of Go modules)");
        FixtureUniverse universe = FixtureUniverse.create(workDir.resolve("universe"));
        say("%d modules, %d versions in %s", universe.modules().size(), universe.versions().size(), universe.gitDir());

        step("Reading the fixture project " + universe.projectDir());
        Path project = universe.projectDir();
        ModFile goMod = ModFile.parse(project.resolve("go.mod").toString(), read(project.resolve("go.mod")));
        say("module %s, go %s, %d requirements", goMod.modulePath().orElse("?"), goMod.goVersion().orElse("?"),
                goMod.requirements().size());
        say(Arrays.equals(goMod.format(), read(project.resolve("go.mod")))
                ? "go.mod is already formatted exactly as 'go mod edit -fmt' would write it"
                : "go.mod is not in canonical form ('gosync mod fmt' shows it)");
        GoSum goSum = GoSum.read(project.resolve("go.sum"));

        step("Making the upstream: every module file go.sum names, from git (JGit), zipped, checked and hashed");
        LayoutStore upstream = LayoutStore.create(workDir.resolve("upstream"));
        int mismatches = fill(upstream, goSum, new FixtureGitSource(universe));
        if (mismatches > 0) {
            throw new GosyncException(mismatches + " hash(es) differ from the project's go.sum",
                    "this is a gosync bug: rerun with --debug and report it");
        }
        say("all hashes equal go.sum; upstream directory in GOPROXY layout: %s", upstream.root());

        Path bundle = workDir.resolve("demo.gosync");
        Path allowedSigners = workDir.resolve("allowed_signers");
        try (UpstreamProxy server = UpstreamProxy.serve(upstream.root())) {
            step("Serving the upstream on " + server.url() + " and exporting the project into a signed bundle");
            Path key = createDirectories(workDir.resolve("keys")).resolve("signing");
            Ed25519KeyPair pair = KeyPairs.generate(SIGNER);
            KeyPairs.write(pair, key);
            writeAllowedSigners(allowedSigners, pair);
            say("signing key %s (%s)", key, pair.publicKey().fingerprint());
            ExportResult result = export(server.url(), key, project, bundle);
            ExportReport.summary(result, out);
            say("the upstream answered %d requests", server.requests().size());
        }

        step("Verifying the bundle (gosync verify): signature, trust store, every file's size, sha256 and h1, zip rules");
        BundleTrust trust = BundleTrust.load(Optional.of(allowedSigners), TrustOverrides.NONE);
        BundleVerifier.Result verified = new BundleVerifier(trust, workDir.resolve("scratch")).verify(bundle, ImportListener.NONE);
        say("gosync: signed by %s (key %s), %d files verified", String.join(",", verified.principals()), verified.signer(),
                verified.manifest().files().size());
        showSignatureCheck(bundle, allowedSigners);

        step("Importing the bundle into a fresh mirror (gosync import): staged, fsynced, renamed, indexed");
        Path mirrorDir = workDir.resolve("mirror");
        try (Mirror mirror = Mirror.open(mirrorDir, true)) {
            Importer importer = new Importer(mirror, ImportOptions.of(trust));
            ImportResult first = importer.importBundle(bundle, ImportListener.NONE);
            say("imported bundle %s (channel %s, sequence %d): %d files, %d new", first.bundleId(), first.channel(),
                    first.sequence(), first.files(), first.newFiles());
            ImportResult again = importer.importBundle(bundle, ImportListener.NONE);
            say("importing it again: %s", again.status() == ImportResult.Status.ALREADY_IMPORTED
                    ? "already imported, nothing changed" : "imported again (unexpected)");
        }
        say("mirror in GOPROXY layout: %s (audit log: gosync log --mirror %s)", mirrorDir, mirrorDir);

        boolean go = GoToolchain.find().isPresent();
        try (MirrorServer server = MirrorServer.start(mirrorDir, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ServeOptions.defaults())) {
            step("Serving the mirror (gosync serve) on " + server.url());
            say("GOPROXY=%s is now the only route to modules", server.url());
            step("Building and testing the project offline against the served mirror, with a fresh module cache");
            if (!go) {
                say("no go command installed: skipped (with Go, run: GOPROXY=%s GOSUMDB=off go build ./...)", server.url());
            } else {
                offlineBuild(project, server.url().toString());
            }
        }
        say("server stopped");

        step("Vendoring the project from the mirror (gosync vendor), then building with -mod=vendor and no proxy at all");
        VendorResult vendored = new Vendorer(LayoutStore.open(mirrorDir)).vendor(project);
        say("wrote %s: %d modules, %d packages, %d files; %d zips checked against go.sum", vendored.vendorDir(),
                vendored.modules().size(), vendored.packages(), vendored.files(), vendored.zipsVerified());
        if (go) {
            vendorBuild(project);
        }
    }

    private ExportResult export(String upstreamUrl, Path key, Path project, Path bundle) {
        GoEnvironment env = GoEnvironment.of(Map.of("GOPROXY", upstreamUrl, "GONOPROXY", "none", "GOSUMDB", "off"));
        ExportSettings settings = ExportSettings.fromProcess("gosync quickstart").withGoEnvironment(env);
        ExportRequest request = ExportRequest.builder(bundle)
                .input(new ExportInput.Project(project))
                .signingKey(key)
                .cacheDir(workDir.resolve("cache"))
                .build();
        return new Exporter(settings).export(request, ExportListener.NONE);
    }

    private static void writeAllowedSigners(Path file, Ed25519KeyPair pair) {
        SshPublicKey k = pair.publicKey();
        String line = SIGNER + " " + k.type() + " " + Base64.getEncoder().encodeToString(k.blob()) + "\n";
        try {
            Files.writeString(file, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Verifies with gosync, and shows (and, where the tools exist, runs) the check with the standard tools. */
    private void showSignatureCheck(Path bundle, Path allowedSigners) {
        String[] extract = {"tar", "--zstd", "-xf", bundle.toString(), "-C", workDir.toString(),
            ".gosync-bundle/manifest.json", ".gosync-bundle/manifest.json.sig"};
        String verify = "ssh-keygen -Y verify -f " + allowedSigners + " -I " + SIGNER + " -n gosync-bundle -s "
                + workDir.resolve(".gosync-bundle/manifest.json.sig") + " < " + workDir.resolve(".gosync-bundle/manifest.json");
        say("with standard tools:");
        say("  $ %s", String.join(" ", extract));
        say("  $ %s", verify);
        if (!onPath("tar") || !onPath("zstd") || !onPath("ssh-keygen")) {
            say("  (tar, zstd or ssh-keygen missing here: not run)");
            return;
        }
        ProcessResult untar = Processes.run(workDir, null, Processes.DEFAULT_TIMEOUT, List.of(extract));
        ProcessResult checked = untar.succeeded()
                ? Processes.run(workDir, null, Processes.DEFAULT_TIMEOUT, List.of("sh", "-c", verify))
                : untar;
        (checked.stdout() + checked.stderr()).lines().forEach(l -> say("    %s", l));
        if (!checked.succeeded()) {
            throw new GosyncException("the standard tools did not accept the bundle's signature",
                    "this is a gosync bug: rerun with --debug and report it");
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private int fill(LayoutStore store, GoSum goSum, FixtureGitSource source) {
        Set<ModuleVersion> modFiles = new TreeSet<>(ModuleVersion.ORDER);
        Set<ModuleVersion> zips = new LinkedHashSet<>();
        for (GoSumLine line : goSum.lines()) {
            boolean goModLine = line.version().endsWith(GO_MOD_SUFFIX);
            ModuleVersion mv = new ModuleVersion(line.path(),
                    goModLine ? line.version().substring(0, line.version().length() - GO_MOD_SUFFIX.length()) : line.version());
            modFiles.add(mv);
            if (!goModLine) {
                zips.add(mv);
            }
        }
        int mismatches = 0;
        try (LayoutStore.Transaction tx = store.begin()) {
            for (ModuleVersion mv : modFiles) {
                ModuleSource git = source.source(mv);
                tx.put(mv, LayoutPath.Kind.INFO, new ByteArrayInputStream(git.info(mv).toJson()));
                try (InputStream goMod = git.goMod(mv)) {
                    StoredFile mod = tx.put(mv, LayoutPath.Kind.MOD, goMod);
                    mismatches += report(mv + "/go.mod", mod.h1(), goSum.goModHash(mv).orElse(null));
                }
                if (zips.contains(mv)) {
                    try (InputStream zip = git.zip(mv)) {
                        tx.put(mv, LayoutPath.Kind.ZIP, zip);
                    }
                    StoredFile zip = tx.hashZip(mv);
                    mismatches += report(mv.toString(), zip.h1(), goSum.zipHash(mv).orElse(null));
                }
            }
            tx.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (source) {
            for (ModuleVersion mv : zips) {
                CheckedFiles fromGit = ModuleZips.checkFiles(source.zipFiles(mv));
                CheckedFiles written = ModuleZips.checkZip(mv, store.path(mv, LayoutPath.Kind.ZIP));
                say("  %-58s %2d files zipped, %d left out by the zip rules%s", mv, written.valid().size(),
                        fromGit.omitted().size(), written.isValid() ? "" : "; INVALID: " + written.error().orElse(""));
            }
        }
        return mismatches;
    }

    private int report(String what, String ours, String expected) {
        boolean ok = ours.equals(expected);
        say("  %s %-68s %s", ok ? "ok " : "BAD", what, ours + (ok ? "" : " (go.sum: " + expected + ")"));
        return ok ? 0 : 1;
    }

    private void offlineBuild(Path project, String proxy) {
        GoSandbox go = GoSandbox.create(workDir.resolve("go"))
                .set("GOPROXY", proxy)
                .set("GOFLAGS", "-mod=readonly -modcacherw");
        runGo(go, project, "GOPROXY=" + proxy, new String[][] {{"build", "./..."}, {"test", "./..."}, {"run", "."}});
    }

    private void vendorBuild(Path project) {
        GoSandbox go = GoSandbox.create(workDir.resolve("go-vendor"))
                .set("GOPROXY", "off")
                .set("GOFLAGS", "-mod=vendor");
        runGo(go, project, "GOPROXY=off GOFLAGS=-mod=vendor", new String[][] {{"build", "./..."}, {"run", "."}});
    }

    private void runGo(GoSandbox go, Path project, String shown, String[][] commands) {
        for (String[] args : commands) {
            ProcessResult r = go.go(project, args);
            say("$ %s go %s  -> exit %d", shown, String.join(" ", args), r.exitCode());
            r.stdout().lines().forEach(l -> say("    %s", l));
            if (!r.succeeded()) {
                r.stderr().lines().forEach(l -> say("    %s", l));
                throw new GosyncException("go " + String.join(" ", args) + " failed against what gosync made",
                        "this is a gosync bug: rerun with --debug and report it");
            }
        }
    }

    private void step(String title) {
        out.printf("%n[%d] %s%n", ++step, title);
        out.flush();
    }

    private void say(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
