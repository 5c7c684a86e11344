package dev.gosync.gomod.resolve;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.module.LayoutPath.Kind;
import dev.gosync.gomod.module.ModuleVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a closure needs from a module source, and why: one entry per module version the go command
 * would select or whose go.mod it would read, plus the version lists that queries consult. A
 * consumer that has these files can run {@code go list -m all}, {@code go build} and
 * {@code go mod verify} on the project offline.
 *
 * <p>Every version whose go.mod is read also gets its {@code .info}: the go command does not ask
 * for it while loading the graph, but a mirror's {@code @v/list} names every version it holds,
 * and a version listed without {@code .info} breaks queries like {@code @latest}.
 */
public final class Plan {
    /** Why a module version is in the plan; the order is the order of importance. */
    public enum Reason {
        /** Named by an explicit query such as {@code path@latest}; needs everything. */
        QUERIED("queried", EnumSet.of(Kind.INFO, Kind.MOD, Kind.ZIP)),
        /** In the build list; its zip holds packages the build may compile. */
        SELECTED("selected", EnumSet.of(Kind.INFO, Kind.MOD, Kind.ZIP)),
        /** Its go.mod is read while loading the module graph, but another version is selected. */
        GO_MOD("go.mod only", EnumSet.of(Kind.INFO, Kind.MOD)),
        /** Its go.mod is read while resolving a query: the latest version's retractions, or a go.mod check. */
        QUERY_GO_MOD("go.mod read by query", EnumSet.of(Kind.INFO, Kind.MOD));

        private final String label;
        private final Set<Kind> files;

        Reason(String label, Set<Kind> files) {
            this.label = label;
            this.files = files;
        }

        public String label() {
            return label;
        }

        /** The files a version needed for this reason must have. */
        public Set<Kind> files() {
            return Collections.unmodifiableSet(files);
        }
    }

    /**
     * One module version and why it is needed.
     *
     * @param module      the version as required in the graph (before replacement)
     * @param requiredBy  the module version that first requires it, breadth-first from the main
     *                    modules (a main module shows as its path alone); for an explicitly queried
     *                    version and the versions its query reads, the query as {@code path@query}
     * @param replacement what replaces it, when a main module or the go.work does
     */
    public record Entry(ModuleVersion module, Reason reason, ModuleVersion requiredBy,
                        Optional<ReplacementTarget> replacement) {
        static final Comparator<Entry> ORDER = Comparator.comparing(Entry::module, ModuleVersion.ORDER)
                .thenComparing(Entry::reason);

        public Entry {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(requiredBy, "requiredBy");
            Objects.requireNonNull(replacement, "replacement");
        }

        /** The coordinates whose files are downloaded: the replacement's, or the module's own; empty for a directory. */
        public Optional<ModuleVersion> source() {
            if (replacement.isEmpty()) {
                return Optional.of(module);
            }
            return replacement.get() instanceof ReplacementTarget.Module m ? Optional.of(m.module()) : Optional.empty();
        }

        /** The files needed of {@link #source()}; none for a directory replacement, which is read in place. */
        public Set<Kind> files() {
            return source().isPresent() ? reason.files() : Set.of();
        }

        /** One line for {@code --dry-run}: module, reason, files and requirer. */
        public String describe() {
            String files = files().isEmpty() ? "local directory, nothing to fetch"
                    : String.join(" ", files().stream().map(k -> k.suffix().substring(1)).toList());
            return module.path() + " " + module.version()
                    + replacement.map(r -> " => " + r.display()).orElse("")
                    + "  [" + reason.label + ": " + files + "]  required by " + requiredBy;
        }
    }

    private final List<Entry> entries;
    private final SortedSet<String> lists;

    Plan(List<Entry> entries, Set<String> lists) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Entry.ORDER);
        this.entries = List.copyOf(sorted);
        TreeSet<String> sortedLists = new TreeSet<>(GoStrings.BYTE_ORDER);
        sortedLists.addAll(lists);
        this.lists = Collections.unmodifiableSortedSet(sortedLists);
    }

    /** The union of several plans, as when exporting a project and some explicit queries together. */
    public static Plan merge(List<Plan> plans) {
        List<Entry> entries = new ArrayList<>();
        Set<String> lists = new HashSet<>();
        for (Plan p : plans) {
            for (Entry e : p.entries) {
                if (!entries.contains(e)) {
                    entries.add(e);
                }
            }
            lists.addAll(p.lists);
        }
        return new Plan(entries, lists);
    }

    /** Sorted by module path and version, then reason; a version may appear once per reason and requirer. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The files to fetch, by the coordinates they are fetched under (a replaced module's files are
     * its replacement's), each with the union of what its entries need.
     */
    public SortedMap<ModuleVersion, Set<Kind>> files() {
        SortedMap<ModuleVersion, Set<Kind>> files = new TreeMap<>(ModuleVersion.ORDER);
        for (Entry e : entries) {
            e.source().ifPresent(s -> files.computeIfAbsent(s, k -> EnumSet.noneOf(Kind.class)).addAll(e.files()));
        }
        files.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return Collections.unmodifiableSortedMap(files);
    }

    /** The module paths whose {@code @v/list} a query read, so that a mirror can answer the same query. */
    public SortedSet<String> lists() {
        return lists;
    }

    /** One line per entry, then one per list, for {@code --dry-run}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        entries.forEach(e -> lines.add(e.describe()));
        lists.forEach(p -> lines.add(p + " @v/list  [read by query]"));
        return lines;
    }
}
