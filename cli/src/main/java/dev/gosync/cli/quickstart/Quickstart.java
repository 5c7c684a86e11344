package dev.gosync.cli.quickstart;

import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.agent.export.ExportInput;
import dev.gosync.agent.export.ExportListener;
import dev.gosync.agent.export.ExportRequest;
import dev.gosync.agent.export.ExportResult;
import dev.gosync.agent.export.ExportSettings;
import dev.gosync.agent.export.Exporter;
import dev.gosync.bundle.archive.BundleEntry;
import dev.gosync.bundle.archive.BundleReader;
import dev.gosync.bundle.archive.TrustPolicy;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.sign.sshkey.SshPublicKey;
import dev.gosync.bundle.sign.sshsig.SshSigVerifier;
import dev.gosync.cli.ExportReport;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.Processes;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.fixtures.GoToolchain;
import dev.gosync.fixtures.ProcessResult;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The end-to-end demo on the bundled fixture project, with today's parts of gosync: build the
 * fixture universe; make an upstream GOPROXY directory from its git repositories (JGit, no git
 * binary), checking every hash against the project's go.sum; serve it on 127.0.0.1; export the
 * project into a signed bundle; verify the signature (with gosync and, where installed, with tar
 * and ssh-keygen); unpack the bundle into a mirror; and — when a go command is installed — build
 * and test the project offline against the mirror with a fresh module cache.
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

        step("Verifying the bundle's signature");
        showSignatureCheck(bundle, allowedSigners);

        step("Unpacking the verified bundle into a mirror (until 'gosync import' lands)");
        LayoutStore mirror = unpack(bundle, allowedSigners, workDir.resolve("mirror"));
        say("mirror in GOPROXY layout: %s", mirror.root());

        step("Building and testing the project offline against the mirror");
        if (GoToolchain.find().isEmpty()) {
            say("no go command installed: skipped (with Go, run: GOPROXY=file://%s GOSUMDB=off go build ./...)", mirror.root());
            return;
        }
        offlineBuild(project, mirror.root());
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
        try (BundleReader reader = BundleReader.open(bundle, TrustPolicy.requireSignature(SshSigVerifier.trusting(allowedSigners)))) {
            say("gosync: signed by %s (key %s), %d files", reader.signer().map(s -> String.join(",", s.principals())).orElse("?"),
                    reader.signer().map(s -> s.fingerprint()).orElse("?"), reader.manifest().files().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static LayoutStore unpack(Path bundle, Path allowedSigners, Path dir) {
        LayoutStore mirror = LayoutStore.create(dir);
        try (BundleReader reader = BundleReader.open(bundle, TrustPolicy.requireSignature(SshSigVerifier.trusting(allowedSigners)));
             LayoutStore.Transaction tx = mirror.begin()) {
            for (Optional<BundleEntry> e = reader.next(); e.isPresent(); e = reader.next()) {
                LayoutPath file = ProxyLayout.parse(e.get().row().path());
                try (InputStream content = e.get().content()) {
                    tx.put(file.module(), file.kind(), content);
                }
            }
            tx.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mirror;
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

    private void offlineBuild(Path project, Path proxy) {
        GoSandbox go = GoSandbox.create(workDir.resolve("go"))
                .set("GOPROXY", proxy.toUri().toString())
                .set("GOFLAGS", "-mod=readonly -modcacherw");
        for (String[] args : new String[][] {{"build", "./..."}, {"test", "./..."}, {"run", "."}}) {
            ProcessResult r = go.go(project, args);
            say("$ GOPROXY=%s go %s  -> exit %d", proxy.toUri(), String.join(" ", args), r.exitCode());
            r.stdout().lines().forEach(l -> say("    %s", l));
            if (!r.succeeded()) {
                r.stderr().lines().forEach(l -> say("    %s", l));
                throw new GosyncException("go " + String.join(" ", args) + " failed against the gosync-made proxy directory",
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
