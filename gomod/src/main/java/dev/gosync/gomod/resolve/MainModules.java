package dev.gosync.gomod.resolve;

import dev.gosync.gomod.GoVersion;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.modfile.ModFile;
import dev.gosync.gomod.modfile.ModFileException;
import dev.gosync.gomod.modfile.WorkFile;
import dev.gosync.gomod.module.InvalidPathException;
import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The main module, or the modules of a go.work workspace, with the {@code exclude} and
 * {@code replace} directives that apply to the whole graph. Main go.mod and go.work files are
 * parsed strictly, as the go command parses them.
 *
 * <p>Versions in a main go.mod must already be canonical semantic versions (or short forms like
 * {@code v1.2}); the go command would also resolve branch names and commit hashes there and
 * rewrite the file, which gosync leaves to the go command.
 */
public final class MainModules {
    private final List<MainModule> modules;
    private final Optional<Path> workFile;
    private final String goVersion;
    private final Replacements replacements;
    private final Set<ModuleVersion> exclusions;

    private MainModules(List<MainModule> modules, Optional<Path> workFile, String goVersion, Replacements replacements) {
        this.modules = List.copyOf(modules);
        this.workFile = workFile;
        this.goVersion = goVersion;
        this.replacements = replacements;
        Set<ModuleVersion> excluded = new HashSet<>();
        modules.forEach(m -> excluded.addAll(m.goMod().exclusions()));
        this.exclusions = Set.copyOf(excluded);
    }

    /**
     * What the go command works with in {@code dir} when {@code GOWORK} is unset: the workspace of
     * the nearest go.work in dir or a parent directory if there is one, else the module of the
     * nearest go.mod there.
     */
    public static MainModules open(Path dir) {
        return open(dir, null);
    }

    /**
     * What the go command works with in {@code dir} under the given {@code GOWORK} value (null
     * when unset): the workspace of the go.work file {@link WorkspaceFile#locate} finds, else the
     * module whose root is dir or its nearest parent with a go.mod ({@link #moduleRoot}).
     *
     * @throws MainModuleException as {@link #workspace} and {@link #module} do, or for a relative GOWORK
     */
    public static MainModules open(Path dir, String gowork) {
        Optional<Path> workFile = WorkspaceFile.locate(dir, gowork);
        if (workFile.isEmpty()) {
            return module(moduleRoot(dir));
        }
        MainModules workspace = workspace(workFile.get());
        Path root = moduleRoot(dir);
        boolean inAModule = Files.isRegularFile(root.resolve("go.mod"));
        if (inAModule && workspace.modules().stream().noneMatch(m -> m.dir().orElseThrow().equals(root))) {
            // The go command refuses to build here too: the workspace would stand in for a module it does not use.
            throw new MainModuleException(dir + " is in the module at " + root + ", which the workspace of "
                    + workFile.get() + " does not use", "add it to the workspace (go work use " + root
                    + "), or work on it alone with GOWORK=off");
        }
        return workspace;
    }

    /**
     * The module root the go command uses when run in {@code dir}: the nearest of dir and its
     * parent directories that holds a go.mod file, or dir itself when none does (so that the
     * error names it).
     */
    public static Path moduleRoot(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("go.mod"))) {
                return d;
            }
        }
        return start;
    }

    /**
     * The module whose go.mod is in {@code dir}.
     *
     * @throws MainModuleException if the go.mod is missing, unreadable, malformed or has no module line
     */
    public static MainModules module(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        MainModule main = read(root);
        return new MainModules(List.of(main), Optional.empty(), main.goLine(), Replacements.ofModule(main));
    }

    /**
     * The workspace described by a go.work file: the modules of its {@code use} directories
     * (relative to the go.work directory) and the replacements of the go.work file and of every module.
     *
     * @throws MainModuleException if the go.work or a module's go.mod cannot be read, a directory or
     *                             module appears twice, a module needs a newer go than the go.work
     *                             states, or replacements conflict
     */
    public static MainModules workspace(Path goWork) {
        Path file = goWork.toAbsolutePath().normalize();
        WorkFile work;
        try {
            work = WorkFile.parse(file.toString(), Files.readAllBytes(file));
        } catch (ModFileException e) {
            throw new MainModuleException("errors parsing " + file + ":\n" + e.getMessage(),
                    "fix the go.work file (go work edit -fmt shows what the go command accepts)", e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        String workGo = work.goVersion().orElse(GoVersions.DEFAULT_GO_WORK);
        Set<Path> dirs = new LinkedHashSet<>();
        Set<String> paths = new HashSet<>();
        List<MainModule> modules = new ArrayList<>();
        for (String use : work.uses()) {
            Path dir = file.getParent().resolve(use).normalize();
            if (!dirs.add(dir)) {
                throw new MainModuleException(file + ": path " + dir + " appears multiple times in workspace",
                        "remove the repeated use directive");
            }
            MainModule module = read(dir);
            if (!paths.add(module.path())) {
                throw new MainModuleException("module " + module.path() + " appears multiple times in workspace "
                        + file, "use only one directory for each module");
            }
            String moduleGo = module.goLine().isEmpty() ? GoVersions.DEFAULT_GO_MOD : module.goLine();
            if (GoVersion.compare(moduleGo, workGo) > 0 && GoVersion.compare(moduleGo, GoVersions.STRICT) >= 0) {
                throw new MainModuleException("module " + dir + " listed in go.work file requires go >= " + moduleGo
                        + ", but go.work " + (work.goVersion().isPresent() ? "lists" : "implicitly requires")
                        + " go " + workGo, "update the go line of the go.work file: go work use");
            }
            modules.add(module);
        }
        return new MainModules(modules, Optional.of(file), workGo,
                Replacements.ofWorkspace(file, work.replacements(), modules));
    }

    /**
     * A module version fetched from a source, taken as the main module: its go.mod is read laxly,
     * like any dependency's, so its own {@code exclude} and {@code replace} lines do not count.
     *
     * @throws ModuleGraphException if the go.mod is malformed or declares another module path
     */
    static MainModules fetched(ModuleVersion module, byte[] goModBytes) {
        ModFile goMod;
        try {
            goMod = ModFile.parseLax("go.mod", goModBytes);
        } catch (ModFileException e) {
            throw new ModuleGraphException(List.of(module), "parsing go.mod:\n" + e.getMessage(),
                    ModuleGraphException.BAD_GO_MOD, e);
        }
        String declared = goMod.modulePath().orElse("");
        if (!declared.equals(module.path())) {
            throw new ModuleGraphException(List.of(module), declared.isEmpty() ? "parsing go.mod: missing module line"
                    : "parsing go.mod:\n\tmodule declares its path as: " + declared
                    + "\n\t        but was required as: " + module.path(), ModuleGraphException.WRONG_PATH, null);
        }
        MainModule main = new MainModule(module.path(), Optional.empty(), goMod);
        return new MainModules(List.of(main), Optional.empty(), main.goLine(), Replacements.NONE);
    }

    private static MainModule read(Path dir) {
        Path file = dir.resolve("go.mod");
        ModFile goMod;
        try {
            goMod = ModFile.parse(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new MainModuleException("go.mod file not found in " + dir + " or any parent directory",
                    "run gosync in a module's directory, or create one with go mod init", e);
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (ModFileException e) {
            throw new MainModuleException("errors parsing " + file + ":\n" + e.getMessage(),
                    "fix the go.mod file (go mod edit -fmt shows what the go command accepts)", e);
        }
        String path = goMod.modulePath().orElseThrow(() -> new MainModuleException(
                "error reading " + file + ": missing module declaration",
                "name the module: go mod edit -module=example.com/mod"));
        try {
            ModulePath.checkImportPath(path);
        } catch (InvalidPathException e) {
            throw new MainModuleException(file + ": " + e.getMessage(), "name the module with a valid module path", e);
        }
        if (path.equals("go") || path.equals("toolchain")) {
            throw new MainModuleException("error reading " + file + ": invalid module path: \"" + path + "\"",
                    "\"go\" and \"toolchain\" are reserved; rename the module");
        }
        return new MainModule(path, Optional.of(dir), goMod);
    }

    private static GosyncException unreadable(Path file, IOException e) {
        return new MainModuleException("cannot read " + file + ": " + e.getMessage(),
                "check that the file exists and is readable", e);
    }

    /**
     * The files that record the hashes of this graph's modules, as the go command reads them: in
     * a workspace the go.work file's own {@code .sum} beside it ({@code go.work.sum}, or
     * {@code FILE.sum} for a GOWORK file of another name), then every workspace module's go.sum;
     * else the module's go.sum. Files that do not exist are listed too.
     */
    public List<Path> goSumFiles() {
        List<Path> files = new ArrayList<>();
        workFile.ifPresent(work -> files.add(work.resolveSibling(work.getFileName() + ".sum")));
        modules.forEach(m -> m.dir().ifPresent(dir -> files.add(dir.resolve("go.sum"))));
        return files;
    }

    /** The main modules: one, or the workspace modules in go.work order. */
    public List<MainModule> modules() {
        return modules;
    }

    public boolean isWorkspace() {
        return workFile.isPresent();
    }

    /** The go.work file of a workspace. */
    public Optional<Path> workFile() {
        return workFile;
    }

    /**
     * The go version that governs the graph: the go.work's (1.18 when it has none) in a workspace,
     * else the main module's go line ("" when it has none, which the go command reads as 1.16).
     */
    public String goVersion() {
        return goVersion;
    }

    public boolean contains(String path) {
        return modules.stream().anyMatch(m -> m.path().equals(path));
    }

    /** The versions excluded by any main module. */
    public Set<ModuleVersion> exclusions() {
        return exclusions;
    }

    /**
     * The replacement of a module version, if a main module or the go.work replaces it; never for
     * a main module itself (version "").
     *
     * @throws MainModuleException when workspace modules disagree on it
     */
    public Optional<ReplacementTarget> replacement(ModuleVersion m) {
        if (m.version().isEmpty() && contains(m.path())) {
            return Optional.empty();
        }
        return replacements.lookup(m);
    }

    Pruning pruning() {
        return isWorkspace() ? Pruning.WORKSPACE : Pruning.of(goVersion);
    }
}
