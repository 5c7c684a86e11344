package dev.gosync.gomod.resolve;

import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.semver.Semver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a module graph from a set of roots as the go command's {@code readModGraph} does: each
 * root's go.mod is read and its requirements become nodes; below a pruned (go 1.17+) module the
 * requirements' own go.mod files are left unread, below an unpruned one everything is read. Reads
 * happen in breadth-first waves so that a wave can be fetched in parallel while the graph is built
 * in a fixed order.
 */
final class GraphLoader {
    /**
     * A loaded graph.
     *
     * @param failures the modules whose go.mod could not be used, with why
     * @param goLines  the go line ("" for none) of every module whose go.mod was read into the graph
     */
    record Loaded(ModuleGraph graph, Map<ModuleVersion, LoadFailure> failures, Map<ModuleVersion, String> goLines) {
        /**
         * The first failure met breadth-first from the roots, with the chain leading to it; null
         * when none. Every failed module was reached from a root, so there is always a chain.
         */
        ModuleGraphException failure() {
            if (failures.isEmpty()) {
                return null;
            }
            List<ModuleVersion> chain = graph.findPath(failures::containsKey);
            return failures.get(chain.get(chain.size() - 1)).toException(chain);
        }
    }

    private record Key(ModuleVersion module, Pruning pruning) {
    }

    private final Summaries summaries;

    GraphLoader(Summaries summaries) {
        this.summaries = summaries;
    }

    /**
     * Loads the graph of a single main module.
     *
     * @param roots the main module's requirements (the graph edges out of the main module)
     */
    Loaded loadModule(MainModule main, Pruning pruning, List<ModuleVersion> roots) {
        ModuleVersion target = new ModuleVersion(main.path(), "");
        Run run = new Run(List.of(target));
        run.graph.require(target, roots);
        roots.forEach(r -> run.enqueue(r, pruning));
        run.drain();
        return run.result();
    }

    /**
     * Loads the graph of a workspace: every workspace module's requirements, and then, until
     * nothing changes, the requirements of each version selected above what a loaded module asked
     * for (so that the selected versions' own requirements count).
     */
    Loaded loadWorkspace(List<ModuleVersion> mainModules) {
        Run run = new Run(mainModules);
        mainModules.forEach(m -> run.enqueue(m, Pruning.WORKSPACE));
        run.drain();
        Set<String> hasDepsInAll = new LinkedHashSet<>();
        mainModules.forEach(m -> hasDepsInAll.add(m.path()));
        Set<ModuleVersion> seen = new HashSet<>();
        while (true) {
            Set<ModuleVersion> needed = new LinkedHashSet<>();
            for (String path : hasDepsInAll) {
                ModuleVersion m = new ModuleVersion(path, run.graph.selected(path));
                if (!seen.contains(m)) {
                    needed.add(m);
                    continue;
                }
                for (ModuleVersion r : run.graph.requiredBy(m).orElse(List.of())) {
                    ModuleVersion s = new ModuleVersion(r.path(), run.graph.selected(r.path()));
                    if (Semver.compare(s.version(), r.version()) > 0 && !seen.contains(s)) {
                        needed.add(s);
                    }
                }
            }
            if (needed.isEmpty()) {
                return run.result();
            }
            for (ModuleVersion m : needed) {
                run.enqueue(m, Pruning.WORKSPACE);
                seen.add(m);
                hasDepsInAll.add(m.path());
            }
            run.drain();
        }
    }

    /** The state of loading one graph. */
    private final class Run {
        final ModuleGraph graph;
        final Set<Key> enqueued = new HashSet<>();
        List<Key> pending = new ArrayList<>();
        /** The outcome for each module loaded into this graph (the go command's per-graph load cache). */
        final Map<ModuleVersion, Summaries.Outcome> loaded = new HashMap<>();
        final Map<ModuleVersion, LoadFailure> failures = new LinkedHashMap<>();
        final Map<ModuleVersion, String> goLines = new LinkedHashMap<>();

        Run(List<ModuleVersion> roots) {
            graph = new ModuleGraph(roots);
        }

        void enqueue(ModuleVersion m, Pruning pruning) {
            if (enqueued.add(new Key(m, pruning))) {
                pending.add(new Key(m, pruning));
            }
        }

        void drain() {
            while (!pending.isEmpty()) {
                List<Key> wave = pending;
                pending = new ArrayList<>();
                summaries.prefetch(wave.stream().map(Key::module).filter(m -> !loaded.containsKey(m)).toList());
                wave.forEach(this::expand);
            }
        }

        private void expand(Key key) {
            Summaries.Outcome outcome = loaded.computeIfAbsent(key.module(), this::loadOne);
            ModSummary summary = outcome.summary();
            if (summary == null) {
                return;
            }
            Pruning next = key.pruning() == Pruning.UNPRUNED ? Pruning.UNPRUNED : summary.pruning();
            if (key.pruning() != Pruning.PRUNED || summary.pruning() == Pruning.UNPRUNED) {
                summary.requirements().forEach(r -> enqueue(r, next));
            }
        }

        private Summaries.Outcome loadOne(ModuleVersion m) {
            Summaries.Outcome outcome = summaries.summary(m);
            if (outcome.summary() != null) {
                graph.require(m, outcome.summary().requirements());
                goLines.put(m, outcome.summary().goLine());
            } else {
                failures.put(m, outcome.failure());
            }
            return outcome;
        }

        Loaded result() {
            return new Loaded(graph, failures, goLines);
        }
    }
}
