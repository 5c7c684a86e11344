package dev.gosync.gomod.resolve;

import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.semver.Semver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Minimal version selection, fed incrementally: each module version whose go.mod was read adds
 * its requirement edges, and the selected version of a path is the highest version of it among
 * all nodes reached so far, whether or not the node that required it is itself selected. The
 * version "" (a main module) is higher than every other.
 */
final class ModuleGraph {
    private final List<ModuleVersion> roots;
    private final Map<ModuleVersion, List<ModuleVersion>> required = new LinkedHashMap<>();
    private final Set<ModuleVersion> reached = new HashSet<>();
    private final Map<String, String> selected = new HashMap<>();

    ModuleGraph(List<ModuleVersion> roots) {
        this.roots = List.copyOf(roots);
        roots.forEach(this::reach);
    }

    /** Orders versions of one path; "" is a main module and beats everything. */
    static int compare(String v, String w) {
        if (v.equals(w)) {
            return 0;
        }
        if (w.isEmpty()) {
            return -1;
        }
        if (v.isEmpty()) {
            return 1;
        }
        return Semver.compare(v, w);
    }

    /** Records the requirements of m, which must have been reached and not recorded yet. */
    void require(ModuleVersion m, List<ModuleVersion> requirements) {
        if (!reached.contains(m) || required.containsKey(m)) {
            throw new IllegalStateException("requirements of " + m + " recorded out of order");
        }
        required.put(m, List.copyOf(requirements));
        requirements.forEach(this::reach);
    }

    private void reach(ModuleVersion m) {
        reached.add(m);
        if (compare(selected(m.path()), m.version()) < 0) {
            selected.put(m.path(), m.version());
        }
    }

    /** The requirements recorded for m, or empty when its go.mod was not read into this graph. */
    Optional<List<ModuleVersion>> requiredBy(ModuleVersion m) {
        return Optional.ofNullable(required.get(m));
    }

    /** The selected version of path, or "none" when the graph does not hold it. */
    String selected(String path) {
        return selected.getOrDefault(path, "none");
    }

    /** Whether m's go.mod was read into this graph. */
    boolean loaded(ModuleVersion m) {
        return required.containsKey(m);
    }

    List<ModuleVersion> roots() {
        return roots;
    }

    /** The selected version of every path: the roots' paths first, in root order, then the rest sorted. */
    List<ModuleVersion> buildList() {
        List<ModuleVersion> list = new ArrayList<>();
        Set<String> rootPaths = new HashSet<>();
        for (ModuleVersion r : roots) {
            if (rootPaths.add(r.path())) {
                list.add(new ModuleVersion(r.path(), selected(r.path())));
            }
        }
        List<ModuleVersion> rest = new ArrayList<>();
        selected.forEach((path, version) -> {
            if (!rootPaths.contains(path)) {
                rest.add(new ModuleVersion(path, version));
            }
        });
        rest.sort(ModuleVersion.ORDER);
        list.addAll(rest);
        return list;
    }

    /**
     * For every node, the node that first required it in a breadth-first walk from the roots, in
     * requirement order; roots map to themselves. The map iterates in the order of the walk.
     */
    Map<ModuleVersion, ModuleVersion> firstRequirers() {
        Map<ModuleVersion, ModuleVersion> first = new LinkedHashMap<>();
        Deque<ModuleVersion> queue = new ArrayDeque<>();
        for (ModuleVersion r : roots) {
            if (first.putIfAbsent(r, r) == null) {
                queue.add(r);
            }
        }
        while (!queue.isEmpty()) {
            ModuleVersion m = queue.poll();
            for (ModuleVersion r : required.getOrDefault(m, List.of())) {
                if (first.putIfAbsent(r, m) == null) {
                    queue.add(r);
                }
            }
        }
        return first;
    }

    /**
     * A shortest chain of requirements from a root to a node matching the predicate, the root
     * first; empty when no node matches. Ties go to the node met first breadth-first.
     */
    List<ModuleVersion> findPath(Predicate<ModuleVersion> target) {
        Map<ModuleVersion, ModuleVersion> first = firstRequirers();
        for (ModuleVersion m : first.keySet()) {
            if (target.test(m)) {
                List<ModuleVersion> path = new ArrayList<>();
                ModuleVersion at = m;
                path.add(at);
                while (!first.get(at).equals(at)) {
                    at = first.get(at);
                    path.add(at);
                }
                Collections.reverse(path);
                return path;
            }
        }
        return List.of();
    }
}
