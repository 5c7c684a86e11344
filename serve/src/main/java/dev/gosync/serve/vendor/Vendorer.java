package dev.gosync.serve.vendor;

import dev.gosync.gomod.GoUnicode;
import dev.gosync.gomod.GoVersion;
import dev.gosync.gomod.gosum.GoSum;
import dev.gosync.gomod.gosum.GoSumLine;
import dev.gosync.gomod.imports.GoFileException;
import dev.gosync.gomod.imports.SourceFile;
import dev.gosync.gomod.imports.VendorFiles;
import dev.gosync.gomod.modfile.ModFile;
import dev.gosync.gomod.modfile.ModFileException;
import dev.gosync.gomod.modfile.Replacement;
import dev.gosync.gomod.modfile.Requirement;
import dev.gosync.gomod.modfile.WorkFile;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.resolve.MainModule;
import dev.gosync.gomod.resolve.MainModules;
import dev.gosync.gomod.resolve.ReplacementTarget;
import dev.gosync.gomod.resolve.Resolution;
import dev.gosync.gomod.resolve.Resolver;
import dev.gosync.gomod.store.DirectoryTree;
import dev.gosync.gomod.store.ModuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a project's {@code vendor/} directory exactly as {@code go mod vendor} (or, for a
 * go.work, {@code go work vendor}) of Go 1.26 would, reading modules only from a
 * {@link ModuleSource} (a mirror directory or a GOPROXY server) and checking every module zip and
 * go.mod against the project's go.sum on the way. The result builds with
 * {@code go build -mod=vendor} and no network.
 *
 * <p>The new tree is written beside the project first and swapped in at the end; on any error
 * the project, its old {@code vendor/} included, is left as it was.
 */
public final class Vendorer {
    private static final String MODULES_TXT = "modules.txt";
    private static final String EXPLICIT_SINCE = "1.14";
    private static final String GO_VERSIONS_SINCE = "1.17";

    private final ModuleSource source;
    private final boolean cgoEnabled;
    private final String gowork;

    public Vendorer(ModuleSource source) {
        this(source, true, null);
    }

    private Vendorer(ModuleSource source, boolean cgoEnabled, String gowork) {
        this.source = source;
        this.cgoEnabled = cgoEnabled;
        this.gowork = gowork;
    }

    /**
     * Whether files importing {@code "C"} count when collecting {@code //go:embed} patterns, as
     * the go command's {@code CGO_ENABLED} decides (on by default where cgo is supported).
     */
    public Vendorer cgoEnabled(boolean enabled) {
        return new Vendorer(source, enabled, gowork);
    }

    /**
     * The {@code GOWORK} setting the go command would see (null or "" when unset, {@code auto},
     * {@code off} or an absolute file path), which decides between the module of the project
     * directory, its workspace, and a refusal; see {@link WorkspaceLookup}.
     */
    public Vendorer gowork(String value) {
        return new Vendorer(source, cgoEnabled, value);
    }

    /**
     * Vendors the module whose go.mod is in {@code projectDir} or its nearest parent with one, as
     * the go command finds its module root, or the workspace whose go.work is in projectDir (unless
     * {@code GOWORK=off}). A go.work in a parent directory, or a {@code GOWORK} file
     * elsewhere, is refused as {@code go mod vendor} refuses workspace mode.
     *
     * @throws VendorException            when a package is missing or ambiguous, go.mod is not tidy,
     *                                    a module is not in the source, or the like
     * @throws ChecksumMismatchException  when a module file differs from go.sum
     * @throws dev.gosync.gomod.GosyncException for unreadable or malformed go.mod, go.work or go.sum files
     */
    public VendorResult vendor(Path projectDir) {
        MainModules mains = WorkspaceLookup.find(projectDir.toAbsolutePath().normalize(), gowork);
        // Like the go command run below its module root, vendor/ goes to the root: the module's
        // directory, or the go.work's.
        Path dir = mains.workFile().map(Path::getParent)
                .orElseGet(() -> mains.modules().get(0).dir().orElseThrow());
        Path workDir;
        try {
            workDir = Files.createTempDirectory(dir, ".gosync-vendor-");
        } catch (IOException e) {
            throw new VendorException("cannot create a staging directory in " + dir + ": " + e.getMessage(),
                    "check that the project directory is writable", e);
        }
        try {
            Path zips = Files.createDirectory(workDir.resolve("zips"));
            StagedVendorDir staged = new StagedVendorDir(workDir.resolve("vendor"));
            try (ModuleFiles files = new ModuleFiles(source, goSum(dir, mains), mains, zips)) {
                Run run = new Run(mains, files, staged);
                VendorResult result = run.write(dir.resolve("vendor"));
                staged.publish(dir.resolve("vendor"), result.nothingToVendor());
                return result;
            }
        } catch (IOException e) {
            throw new VendorException("cannot write " + dir.resolve("vendor") + ": " + e.getMessage(),
                    "check the disk and the permissions of the project directory", e);
        } catch (UncheckedIOException e) {
            throw new VendorException(e.getMessage() + ": " + e.getCause().getMessage(),
                    "check the disk and the permissions of the project directory", e);
        } finally {
            try {
                DirectoryTree.delete(workDir);
            } catch (IOException e) {
                // Left-over staging files are harmless; the next run uses a new directory.
            }
        }
    }

    /** go.sum of the module; in a workspace, go.work.sum and every module's go.sum together. */
    private static GoSum goSum(Path dir, MainModules mains) {
        if (!mains.isWorkspace()) {
            return GoSum.read(dir.resolve("go.sum"));
        }
        GoSum all = new GoSum();
        for (Path file : mains.goSumFiles()) {
            for (GoSumLine line : GoSum.read(file).lines()) {
                if (line.version().endsWith("/go.mod")) {
                    String v = line.version().substring(0, line.version().length() - "/go.mod".length());
                    all.addGoModHash(new ModuleVersion(line.path(), v), line.hash());
                } else {
                    all.addZipHash(new ModuleVersion(line.path(), line.version()), line.hash());
                }
            }
        }
        return all;
    }

    /** One vendoring of one project. */
    private final class Run {
        private final MainModules mains;
        private final ModuleFiles files;
        private final StagedVendorDir staged;
        private final String goVersion;
        /** (module path, vendor directory) pairs whose parent directories' legal files are already copied. */
        private final Set<String> metadataDone = new HashSet<>();

        Run(MainModules mains, ModuleFiles files, StagedVendorDir staged) {
            this.mains = mains;
            this.files = files;
            this.staged = staged;
            this.goVersion = mains.goVersion().isEmpty() ? "1.16" : mains.goVersion();
        }

        private Resolution resolution;

        /** The module graph, loaded on first use. */
        private Resolution resolution() {
            if (resolution == null) {
                Resolution r = new Resolver(files.goModFetcher()).resolve(mains);
                if (r.rootsUpdated()) {
                    throw new VendorException("updates to go.mod needed: its requirements do not match the module graph",
                            "run go mod tidy on the connected side, export again, and copy the tidy go.mod and go.sum here");
                }
                resolution = r;
            }
            return resolution;
        }

        VendorResult write(Path vendorDir) {
            List<PackageLoader.Package> packages = new PackageLoader(mains, this::resolution, files).load();
            Map<ModuleVersion, List<PackageLoader.Package>> byModule = new TreeMap<>(ModuleVersion.ORDER);
            for (PackageLoader.Package p : packages) {
                if (!(p.module().version().isEmpty() && mains.contains(p.module().path()))) {
                    byModule.computeIfAbsent(p.module(), m -> new ArrayList<>()).add(p);
                }
            }
            checkPathCollisions(byModule.keySet());

            boolean annotate = GoVersion.compare(goVersion, EXPLICIT_SINCE) >= 0
                    && (mains.isWorkspace() || mains.modules().get(0).goMod().goVersion().isPresent());
            boolean goVersions = GoVersion.compare(goVersion, GO_VERSIONS_SINCE) >= 0;
            Set<ModuleVersion> explicit = new HashSet<>();
            if (annotate) {
                for (MainModule m : mains.modules()) {
                    m.goMod().requirements().stream().map(Requirement::module).forEach(explicit::add);
                }
            }
            Set<ModuleVersion> listed = new TreeSet<>(ModuleVersion.ORDER);
            listed.addAll(explicit);
            listed.addAll(byModule.keySet());

            ModulesTxt txt = new ModulesTxt();
            if (mains.isWorkspace()) {
                txt.workspace();
            }
            Set<ModuleVersion> replacementWritten = new HashSet<>();
            List<VendorResult.VendoredModule> modules = new ArrayList<>();
            int packageCount = 0;
            for (ModuleVersion m : listed) {
                txt.module(m, mains.replacement(m));
                replacementWritten.add(m);
                txt.annotation(explicit.contains(m), goVersions ? goLine(m) : "");
                List<PackageLoader.Package> pkgs = byModule.getOrDefault(m, List.of());
                txt.packages(pkgs.stream().map(PackageLoader.Package::path).toList());
                for (PackageLoader.Package p : pkgs) {
                    vendorPackage(p);
                }
                packageCount += pkgs.size();
                modules.add(new VendorResult.VendoredModule(m, pkgs.size()));
            }
            if (annotate) {
                unusedReplacements(txt, replacementWritten);
            }
            if (txt.isEmpty()) {
                return new VendorResult(vendorDir, List.of(), 0, 0, 0, files.zipsVerified(), "");
            }
            staged.write(MODULES_TXT, txt.text().getBytes(StandardCharsets.UTF_8));
            return new VendorResult(vendorDir, modules, packageCount, staged.files(), staged.bytes(),
                    files.zipsVerified(), txt.text());
        }

        /**
         * The replace directives not shown on a module line, go.work's first: without the whole
         * build list, {@code -mod=vendor} could not otherwise tell that they changed nothing.
         */
        private void unusedReplacements(ModulesTxt txt, Set<ModuleVersion> written) {
            List<Replacement> workReplaces = workReplacements();
            for (MainModule main : mains.modules()) {
                for (Replacement r : workReplaces) {
                    if (written.add(r.old())) {
                        txt.module(r.old(), Optional.of(asWritten(r)));
                    }
                }
                for (Replacement r : main.goMod().replacements()) {
                    if (written.add(r.old())) {
                        Optional<ReplacementTarget> target = mains.replacement(r.old());
                        if (target.isPresent()) {
                            txt.module(r.old(), target);
                        }
                    }
                }
            }
        }

        private List<Replacement> workReplacements() {
            if (!mains.isWorkspace()) {
                return List.of();
            }
            Path file = mains.workFile().orElseThrow();
            try {
                return WorkFile.parse(file.toString(), Files.readAllBytes(file)).replacements();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        private ReplacementTarget asWritten(Replacement r) {
            ModuleVersion t = r.target();
            return t.version().isEmpty() ? new ReplacementTarget.Directory(t.path(), Path.of(t.path()))
                    : new ReplacementTarget.Module(t);
        }

        /** The go line of the module's go.mod (its replacement's, if replaced); "" when it has none. */
        private String goLine(ModuleVersion m) {
            Optional<ReplacementTarget> r = mains.replacement(m);
            byte[] goMod;
            String name;
            if (r.isPresent() && r.get() instanceof ReplacementTarget.Directory dir) {
                Path file = dir.dir().resolve("go.mod");
                name = file.toString();
                try {
                    goMod = Files.readAllBytes(file);
                } catch (IOException e) {
                    return "";
                }
            } else {
                ModuleVersion files = r.map(t -> ((ReplacementTarget.Module) t).module()).orElse(m);
                name = files + "/go.mod";
                goMod = this.files.goModFetcher().goMod(files);
            }
            try {
                return ModFile.parseLax(name, goMod).goVersion().orElse("");
            } catch (ModFileException e) {
                throw new VendorException("parsing " + name + ": " + e.getMessage(), "fix the module's go.mod", e);
            }
        }

        /** Copies one package: its files, its module's legal files above it, and what it embeds. */
        private void vendorPackage(PackageLoader.Package p) {
            ModuleTree tree = p.tree();
            String dst = p.path();
            staged.mkdirs(dst);
            List<SourceFile> sources = PackageLoader.sourceFiles(tree, p.dir());
            for (SourceFile file : sources) {
                // Links to files count as Go source, but only regular files are copied.
                boolean regular = tree.lstat(ModuleTree.join(p.dir(), file.name())).orElse(null) == ModuleTree.Kind.FILE;
                if (regular && VendorFiles.copied(file, goVersion)) {
                    staged.write(ModuleTree.join(dst, file.name()), file.content().get());
                }
            }
            copyMetadata(p);
            List<String> patterns;
            try {
                patterns = VendorFiles.embedPatterns(tree.describe() + (p.dir().isEmpty() ? "" : "/" + p.dir()),
                        sources, goVersion, cgoEnabled);
            } catch (GoFileException e) {
                throw new VendorException("failed to find embedded files of " + p.path() + ": " + e.getMessage(),
                        e.remedy(), e);
            }
            if (patterns.isEmpty()) {
                return;
            }
            List<String> embedded;
            try {
                embedded = new EmbedResolver(tree, p.dir()).resolve(patterns);
            } catch (EmbedResolver.EmbedException e) {
                throw new VendorException("resolving embeds in " + p.path() + ": " + e.getMessage(),
                        "fix the //go:embed patterns of the package in " + tree.describe());
            }
            for (String rel : embedded) {
                String target = ModuleTree.join(dst, rel);
                if (!staged.has(target)) {
                    staged.write(target, tree.read(ModuleTree.join(p.dir(), rel)));
                }
            }
        }

        /** Legal files (LICENSE, NOTICE, …) of every directory above the package, up to its module root. */
        private void copyMetadata(PackageLoader.Package p) {
            String modulePath = p.module().path();
            String pkg = p.path();
            String dst = p.path();
            String src = p.dir();
            for (int level = 0; metadataDone.add(modulePath + "\n" + dst); level++) {
                if (level > 0) {
                    staged.mkdirs(dst);
                    for (ModuleTree.Entry e : p.tree().list(src).orElse(List.of())) {
                        if (e.kind() == ModuleTree.Kind.FILE && VendorFiles.isMetadata(e.name())) {
                            staged.write(ModuleTree.join(dst, e.name()), p.tree().read(ModuleTree.join(src, e.name())));
                        }
                    }
                }
                if (pkg.equals(modulePath) || src.isEmpty()) {
                    return;
                }
                pkg = parent(pkg);
                dst = parent(dst);
                src = parent(src);
            }
        }

        /** Module paths differing only in case cannot both be vendored: their directories would collide. */
        private void checkPathCollisions(Set<ModuleVersion> modules) {
            Map<String, String> byFold = new HashMap<>();
            for (ModuleVersion m : modules) {
                String other = byFold.putIfAbsent(fold(m.path()), m.path());
                if (other != null && !other.equals(m.path())) {
                    throw new VendorException("go.mod: case-insensitive import collision: \"" + m.path() + "\" and \""
                            + other + "\"", "require only one of the two module paths");
                }
            }
        }
    }

    /** A form shared by exactly the strings that are equal under Unicode simple case folding. */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int min = c;
            for (int f = GoUnicode.simpleFold(c); f != c; f = GoUnicode.simpleFold(f)) {
                min = Math.min(min, f);
            }
            b.appendCodePoint(min);
        });
        return b.toString();
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
