package dev.gosync.cli.quickstart;

import dev.gosync.fixtures.GoSandbox;
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
import dev.gosync.gomod.store.RevInfo;
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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The end-to-end demo on the bundled fixture project, with today's parts of gosync: build the
 * fixture universe, read the project's go.mod and go.sum, make every module file the project
 * needs from the git repositories (JGit, no git binary), check and hash each one, compare with
 * go.sum, write them as a GOPROXY-layout directory, and — when a go command is installed — build
 * and test the project offline against that directory.
 */
public final class Quickstart {
    private static final String GO_MOD_SUFFIX = "/go.mod";
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

        step("Making every module file go.sum names from git, checking and hashing it");
        LayoutStore store = LayoutStore.create(workDir.resolve("proxy"));
        int mismatches = fill(store, goSum, new FixtureGitSource(universe));
        if (mismatches > 0) {
            throw new GosyncException(mismatches + " hash(es) differ from the project's go.sum",
                    "this is a gosync bug: rerun with --debug and report it");
        }
        say("all hashes equal go.sum; GOPROXY-layout directory: %s", store.root());

        step("Building and testing the project offline against that directory");
        if (GoToolchain.find().isEmpty()) {
            say("no go command installed: skipped (with Go, run: GOPROXY=file://%s GOSUMDB=off go build ./...)", store.root());
            return;
        }
        offlineBuild(project, store.root());
    }

    private int fill(LayoutStore store, GoSum goSum, FixtureGitSource git) {
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
                FixtureVersion fv = git.version(mv);
                tx.put(mv, LayoutPath.Kind.INFO, new ByteArrayInputStream(
                        new RevInfo(mv.version(), fv.commitTime().toString(), null).toJson()));
                StoredFile mod = tx.put(mv, LayoutPath.Kind.MOD, new ByteArrayInputStream(git.goMod(mv)));
                mismatches += report(mv + "/go.mod", mod.h1(), goSum.goModHash(mv).orElse(null));
                if (zips.contains(mv)) {
                    try (InputStream zip = zipStream(mv, git)) {
                        tx.put(mv, LayoutPath.Kind.ZIP, zip);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    StoredFile zip = tx.hashZip(mv);
                    mismatches += report(mv.toString(), zip.h1(), goSum.zipHash(mv).orElse(null));
                }
            }
            tx.commit();
        }
        try (git) {
            for (ModuleVersion mv : zips) {
                CheckedFiles fromGit = ModuleZips.checkFiles(git.zipFiles(mv));
                CheckedFiles written = ModuleZips.checkZip(mv, store.path(mv, LayoutPath.Kind.ZIP));
                say("  %-58s %2d files zipped, %d left out by the zip rules%s", mv, written.valid().size(),
                        fromGit.omitted().size(), written.isValid() ? "" : "; INVALID: " + written.error().orElse(""));
            }
        }
        return mismatches;
    }

    /** Writes the zip to a scratch file first: the zip writer needs a place to stream to. */
    private InputStream zipStream(ModuleVersion mv, FixtureGitSource git) {
        try {
            Path tmp = Files.createTempFile(workDir, "module-", ".zip");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ModuleZips.create(mv, git.zipFiles(mv), out);
            }
            return Files.newInputStream(tmp, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the zip of " + mv, e);
        }
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
