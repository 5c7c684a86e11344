package dev.gosync.gomod.resolve;

import dev.gosync.gomod.GoVersion;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.modfile.Requirement;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.ModuleNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Loads a project's module graph exactly as the go command does for {@code go list -m all} with
 * {@code -mod=mod}, from go.mod files alone:
 *
 * <ul>
 *   <li>minimal version selection over every node reached, including the requirements of versions
 *       that end up not selected;</li>
 *   <li>graph pruning: below a go 1.17+ main module only the requirements' go.mod files are read,
 *       and everything below modules without pruning (go 1.16 and older, or no go line);</li>
 *   <li>requirements of the main module below the version the graph selects are raised to it and
 *       the graph is read again from there, as the go command does before building (see
 *       {@link Resolution#rootsUpdated()});</li>
 *   <li>{@code exclude} drops requirement edges on the excluded version (nothing is bumped);
 *       {@code replace} substitutes another module's go.mod (which may declare the old path or the
 *       new one) or a directory's (read from disk, declaring anything);</li>
 *   <li>workspaces: every workspace module's requirements, with go.work replacements winning.</li>
 * </ul>
 *
 * <p>Only the go lines of the main modules and the go.mod files decide; the go command's
 * toolchain switching, vendoring and package-level lazy loading play no part.
 */
public final class Resolver {
    private final GoModFetcher fetcher;
    private final int parallelism;

    public Resolver(GoModFetcher fetcher) {
        this(fetcher, 1);
    }

    private Resolver(GoModFetcher fetcher, int parallelism) {
        this.fetcher = fetcher;
        this.parallelism = parallelism;
    }

    /**
     * A resolver that fetches up to n go.mod files at once (the graph is still built in a fixed
     * order, so results do not depend on n). The fetcher must then be safe to call from several threads.
     */
    public Resolver parallelism(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + n);
        }
        return new Resolver(fetcher, n);
    }

    /**
     * Resolves the graph of a project.
     *
     * @throws ModuleGraphException when a go.mod in the graph cannot be fetched, parsed or used,
     *                              naming the chain of requirements that leads to it
     * @throws MainModuleException  when workspace modules' replacements conflict
     */
    public Resolution resolve(MainModules mains) {
        return resolve(mains, null);
    }

    /**
     * Resolves the closure of a queried module version: the module itself (info, go.mod and zip),
     * the graph of its requirements as if it were the main module (what {@code go install path@version}
     * or a {@code go list -m all} in it would load; its own exclude and replace lines do not count),
     * and what the query read (the version list, the latest version's go.mod).
     *
     * <p>{@code go mod download path@version} alone fetches nothing but the module's own three
     * files, but a consumer cannot build it without its requirements' go.mod files.
     *
     * @throws ModuleGraphException when the module's go.mod or one in its graph cannot be used
     */
    public Resolution resolve(ResolvedQuery query) {
        ModuleVersion module = query.module();
        byte[] goMod;
        try {
            goMod = fetcher.goMod(module);
        } catch (ModuleNotFoundException e) {
            throw new ModuleGraphException(List.of(module), e.getMessage(), ModuleGraphException.NOT_FOUND, e);
        } catch (GosyncException e) {
            throw new ModuleGraphException(List.of(module), e.getMessage(), ModuleGraphException.FETCH_FAILED, e);
        }
        return resolve(MainModules.fetched(module, goMod), query);
    }

    private Resolution resolve(MainModules mains, ResolvedQuery query) {
        ExecutorService pool = parallelism > 1 ? Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "gosync-resolve");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            Summaries summaries = new Summaries(mains, fetcher, pool);
            Loading loading = mains.isWorkspace() ? loadWorkspace(mains, summaries) : loadModule(mains, summaries);
            return result(mains, summaries, loading, query);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Every graph loaded (the last is final) and whether the main go.mod's requirements changed. */
    private record Loading(List<GraphLoader.Loaded> graphs, boolean rootsUpdated) {
        GraphLoader.Loaded last() {
            return graphs.get(graphs.size() - 1);
        }
    }

    private static Loading loadModule(MainModules mains, Summaries summaries) {
        MainModule main = mains.modules().get(0);
        GraphLoader loader = new GraphLoader(summaries);
        List<ModuleVersion> required = main.goMod().requirements().stream().map(Requirement::module).toList();
        List<ModuleVersion> roots = new ArrayList<>(required.stream().filter(r -> !mains.exclusions().contains(r)).toList());
        boolean updated = roots.size() != required.size();
        Pruning pruning = mains.pruning();
        List<GraphLoader.Loaded> graphs = new ArrayList<>();
        if (pruning == Pruning.UNPRUNED) {
            // Without pruning, raising or dropping a root changes no selected version: one load tells all.
            List<ModuleVersion> sorted = roots.stream().sorted(ModuleVersion.ORDER).toList();
            GraphLoader.Loaded loaded = keep(loader.loadModule(main, pruning, sorted), graphs);
            updated |= sorted.stream().anyMatch(r -> !loaded.graph().selected(r.path()).equals(r.version()));
            return new Loading(graphs, updated);
        }
        if (isRedundant(roots, main.path())) {
            roots = highestPerPath(roots, main.path());
            updated = true;
        }
        roots.sort(ModuleVersion.ORDER);
        while (true) {
            List<ModuleVersion> current = List.copyOf(roots);
            GraphLoader.Loaded loaded = keep(loader.loadModule(main, pruning, current), graphs);
            List<ModuleVersion> raised = current.stream()
                    .map(r -> new ModuleVersion(r.path(), loaded.graph().selected(r.path()))).toList();
            if (raised.equals(current)) {
                return new Loading(graphs, updated);
            }
            // A pruned graph read from higher roots can differ: requirements of the old versions
            // drop out, those of the new ones come in.
            roots = new ArrayList<>(raised);
            updated = true;
        }
    }

    private static Loading loadWorkspace(MainModules mains, Summaries summaries) {
        List<ModuleVersion> roots = new ArrayList<>(mains.modules().stream().map(m -> new ModuleVersion(m.path(), "")).toList());
        roots.sort(ModuleVersion.ORDER);
        List<GraphLoader.Loaded> graphs = new ArrayList<>();
        keep(new GraphLoader(summaries).loadWorkspace(roots), graphs);
        return new Loading(graphs, false);
    }

    /** Adds a loaded graph to the list, or throws its first failure. */
    private static GraphLoader.Loaded keep(GraphLoader.Loaded loaded, List<GraphLoader.Loaded> graphs) {
        ModuleGraphException failure = loaded.failure();
        if (failure != null) {
            throw failure;
        }
        graphs.add(loaded);
        return loaded;
    }

    /** A path required twice, or the main module's own path required: the go command tidies those first. */
    private static boolean isRedundant(List<ModuleVersion> roots, String mainPath) {
        Set<String> paths = new HashSet<>();
        return roots.stream().anyMatch(r -> r.path().equals(mainPath) || !paths.add(r.path()));
    }

    private static List<ModuleVersion> highestPerPath(List<ModuleVersion> roots, String mainPath) {
        Map<String, String> highest = new LinkedHashMap<>();
        for (ModuleVersion r : roots) {
            if (!r.path().equals(mainPath)) {
                highest.merge(r.path(), r.version(), (a, b) -> ModuleGraph.compare(a, b) >= 0 ? a : b);
            }
        }
        List<ModuleVersion> list = new ArrayList<>();
        highest.forEach((p, v) -> list.add(new ModuleVersion(p, v)));
        return list;
    }

    private static Resolution result(MainModules mains, Summaries summaries, Loading loading, ResolvedQuery query) {
        ModuleGraph graph = loading.last().graph();
        Map<ModuleVersion, ModuleVersion> requiredBy = new HashMap<>();
        // The final graph explains best; earlier readings explain go.mod files only they read.
        for (int i = loading.graphs().size() - 1; i >= 0; i--) {
            loading.graphs().get(i).graph().firstRequirers().forEach(requiredBy::putIfAbsent);
        }
        List<String> mainPaths = new ArrayList<>();
        List<BuildListEntry> buildList = new ArrayList<>();
        List<Plan.Entry> entries = new ArrayList<>();
        for (ModuleVersion m : graph.buildList()) {
            if (isMain(mains, m)) {
                mainPaths.add(m.path());
            } else {
                BuildListEntry entry = new BuildListEntry(m, mains.replacement(m));
                buildList.add(entry);
                entries.add(new Plan.Entry(m, Plan.Reason.SELECTED, requiredBy.getOrDefault(m, m), entry.replacement()));
            }
        }
        Set<ModuleVersion> goModOnly = new HashSet<>();
        for (GraphLoader.Loaded loaded : loading.graphs()) {
            for (ModuleVersion m : loaded.goLines().keySet()) {
                if (!isMain(mains, m) && !graph.selected(m.path()).equals(m.version()) && goModOnly.add(m)) {
                    entries.add(new Plan.Entry(m, Plan.Reason.GO_MOD, requiredBy.getOrDefault(m, m), mains.replacement(m)));
                }
            }
        }
        Set<String> lists = new HashSet<>();
        Set<ModuleVersion> fetched = new HashSet<>(summaries.fetched());
        if (query != null) {
            fetched.add(query.module());
            entries.addAll(queryEntries(query));
            if (query.listRead()) {
                lists.add(query.module().path());
            }
        }
        return new Resolution(mainPaths, buildList, fetched, List.copyOf(summaries.directories()),
                goVersion(mains, loading.last()), loading.rootsUpdated(), new Plan(entries, lists));
    }

    private static boolean isMain(MainModules mains, ModuleVersion m) {
        return m.version().isEmpty() && mains.contains(m.path());
    }

    /** The go version of the main modules, raised by every go line that is a hard minimum (1.21+) in the final graph. */
    private static String goVersion(MainModules mains, GraphLoader.Loaded last) {
        String goVersion = mains.goVersion().isEmpty() ? GoVersions.DEFAULT_GO_MOD : mains.goVersion();
        for (String line : last.goLines().values()) {
            if (GoVersion.compare(line, GoVersions.STRICT) >= 0) {
                goVersion = GoVersion.max(goVersion, line);
            }
        }
        return goVersion;
    }

    /** The queried version itself, and the versions whose go.mod the query read. */
    private static List<Plan.Entry> queryEntries(ResolvedQuery query) {
        ModuleVersion asked = new ModuleVersion(query.query().path(), query.query().query());
        List<Plan.Entry> entries = new ArrayList<>();
        entries.add(new Plan.Entry(query.module(), Plan.Reason.QUERIED, asked, Optional.empty()));
        for (ModuleVersion m : query.goModsRead()) {
            if (!m.equals(query.module())) {
                entries.add(new Plan.Entry(m, Plan.Reason.QUERY_GO_MOD, asked, Optional.empty()));
            }
        }
        return entries;
    }
}
