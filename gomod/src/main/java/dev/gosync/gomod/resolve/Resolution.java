package dev.gosync.gomod.resolve;

import dev.gosync.gomod.module.ModuleVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The module graph of a project as the go command loads it for {@code go list -m all}: the build
 * list, every go.mod read on the way, and the {@link Plan} of files a mirror needs for it.
 */
public final class Resolution {
    private final List<String> mainModules;
    private final List<BuildListEntry> buildList;
    private final SortedSet<ModuleVersion> goModsFetched;
    private final List<ReplacementTarget.Directory> directoriesRead;
    private final String goVersion;
    private final boolean rootsUpdated;
    private final Plan plan;

    Resolution(List<String> mainModules, List<BuildListEntry> buildList, Set<ModuleVersion> goModsFetched,
               List<ReplacementTarget.Directory> directoriesRead, String goVersion, boolean rootsUpdated, Plan plan) {
        this.mainModules = List.copyOf(mainModules);
        this.buildList = List.copyOf(buildList);
        TreeSet<ModuleVersion> fetched = new TreeSet<>(ModuleVersion.ORDER);
        fetched.addAll(goModsFetched);
        this.goModsFetched = Collections.unmodifiableSortedSet(fetched);
        this.directoriesRead = List.copyOf(directoriesRead);
        this.goVersion = goVersion;
        this.rootsUpdated = rootsUpdated;
        this.plan = plan;
    }

    /** The main module paths in the order the go command lists them. */
    public List<String> mainModules() {
        return mainModules;
    }

    /** The selected version of every other module path in the graph, sorted by path. */
    public List<BuildListEntry> buildList() {
        return buildList;
    }

    /** The lines of {@code go list -m all}: the main modules, then the build list. */
    public List<String> listAll() {
        List<String> lines = new ArrayList<>(mainModules);
        buildList.forEach(e -> lines.add(e.listLine()));
        return lines;
    }

    /**
     * The module versions whose go.mod was fetched while loading the graph, under the coordinates
     * fetched (a replaced module's replacement). For a fresh module cache these are exactly the
     * {@code .mod} files {@code go mod graph} downloads.
     */
    public SortedSet<ModuleVersion> goModsFetched() {
        return goModsFetched;
    }

    /** The replacement directories whose go.mod was read from disk. */
    public List<ReplacementTarget.Directory> directoriesRead() {
        return directoriesRead;
    }

    /**
     * The lowest go version that can build the graph: the highest of the main module's go line
     * (the go.work's in a workspace; 1.16 when there is none) and the go lines of 1.21 and later of
     * every module whose go.mod was read, which from Go 1.21 are hard minimums.
     */
    public String goVersion() {
        return goVersion;
    }

    /**
     * Whether the main go.mod's requirements are inconsistent with the graph (a requirement below
     * the selected version, a repeated or excluded requirement), so that the go command would
     * rewrite them before building; the result is what it would build after doing so.
     */
    public boolean rootsUpdated() {
        return rootsUpdated;
    }

    public Plan plan() {
        return plan;
    }
}
