package dev.gosync.gomod.resolve;

import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.semver.PseudoVersion;
import dev.gosync.gomod.semver.Semver;
import java.util.function.Predicate;

/**
 * What a version query accepts (the go command's {@code newQueryMatcher}): a prefix of the
 * version string, a filter, whether the lowest match wins, whether the source's latest revision
 * may answer when no tagged version matches, and whether {@code +incompatible} versions are
 * wanted. Queries that name one version exactly are answered by looking that version up instead.
 */
final class QueryMatcher {
    final String prefix;
    final Predicate<String> filter;
    /** The query names one version: look it up rather than choose from the list. */
    final boolean canStat;
    final boolean preferLower;
    final boolean mayUseLatest;
    final boolean preferIncompatible;

    private QueryMatcher(String prefix, Predicate<String> filter, boolean canStat, boolean preferLower,
                         boolean mayUseLatest, boolean preferIncompatible) {
        this.prefix = prefix;
        this.filter = filter;
        this.canStat = canStat;
        this.preferLower = preferLower;
        this.mayUseLatest = mayUseLatest;
        this.preferIncompatible = preferIncompatible;
    }

    /** Whether the query picks among versions; otherwise it names a revision (or exact version) to look up. */
    static boolean choosesAmongVersions(String query) {
        return query.equals("latest") || query.equals("upgrade") || query.equals("patch")
                || query.startsWith("<") || query.startsWith(">") || (Semver.isValid(query) && isPrefix(query));
    }

    /** Whether a valid version is a prefix form ({@code v1}, {@code v1.2}) standing for a range. */
    static boolean isPrefix(String v) {
        int dots = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '-' || c == '+') {
                return false;
            }
            if (c == '.' && ++dots >= 2) {
                return false;
            }
        }
        return true;
    }

    /**
     * The matcher of a query, or null when the query is a revision (branch, tag, hash) only the
     * source can resolve.
     *
     * @param current the version in use, "" when none
     * @throws ModuleQueryException for a malformed range, or {@code patch} without a current version
     */
    static QueryMatcher of(ModuleQuery q, String current) {
        String path = q.path();
        String query = q.query();
        boolean incompatibleCurrent = current.endsWith("+incompatible");
        if (query.equals("latest")) {
            return new QueryMatcher("", v -> true, false, false, true, incompatibleCurrent);
        }
        if (query.equals("upgrade")) {
            if (current.isEmpty()) {
                return new QueryMatcher("", v -> true, false, false, true, incompatibleCurrent);
            }
            return new QueryMatcher("", v -> Semver.compare(v, current) >= 0, false, false,
                    PseudoVersion.isPseudoVersion(current), incompatibleCurrent);
        }
        if (query.equals("patch")) {
            if (current.isEmpty()) {
                throw new ModuleQueryException("can't query version \"patch\" of module " + path
                        + ": no existing version is required", "ask for a version, or for latest");
            }
            return new QueryMatcher(Semver.majorMinor(current) + ".", v -> Semver.compare(v, current) >= 0, false,
                    false, PseudoVersion.isPseudoVersion(current), incompatibleCurrent);
        }
        for (String op : new String[] {"<=", "<", ">=", ">"}) {
            if (query.startsWith(op)) {
                return range(q, op, query.substring(op.length()), incompatibleCurrent);
            }
        }
        if (Semver.isValid(query)) {
            boolean incompatible = incompatibleCurrent || !matchesMajor(path, query);
            if (isPrefix(query)) {
                // v1.2 must not match versions below v1.2.0, such as its prereleases.
                return new QueryMatcher(query + ".", v -> Semver.compare(v, query) >= 0, false, false, false,
                        incompatible);
            }
            return new QueryMatcher(Semver.canonical(query), v -> Semver.compare(v, query) == 0, true, false, false,
                    incompatible);
        }
        return null;
    }

    private static QueryMatcher range(ModuleQuery q, String op, String v, boolean incompatibleCurrent) {
        if (!Semver.isValid(v)) {
            throw new ModuleQueryException(q + ": invalid semantic version \"" + v + "\" in range \"" + q.query() + "\"",
                    "compare with a full version, such as <v1.3.0");
        }
        if ((op.equals("<=") || op.equals(">")) && isPrefix(v)) {
            // Whether <=v1.2 allows v1.2.3 is anybody's guess.
            throw new ModuleQueryException(q + ": ambiguous semantic version \"" + v + "\" in range \"" + q.query() + "\"",
                    "compare with a full version, such as " + op + Semver.canonical(v));
        }
        Predicate<String> filter = switch (op) {
            case "<=" -> w -> Semver.compare(w, v) <= 0;
            case "<" -> w -> Semver.compare(w, v) < 0;
            case ">=" -> w -> Semver.compare(w, v) >= 0;
            default -> w -> Semver.compare(w, v) > 0;
        };
        boolean preferLower = op.startsWith(">");
        return new QueryMatcher("", filter, false, preferLower, false,
                incompatibleCurrent || !matchesMajor(q.path(), v));
    }

    private static boolean matchesMajor(String path, String v) {
        return ModulePath.splitPathVersion(path).map(s -> ModulePath.matchPathMajor(v, s.pathMajor())).orElse(false);
    }

    /** Whether v passes the prefix and the filter (retractions are the caller's business). */
    boolean matches(String v) {
        return v.startsWith(prefix) && filter.test(v);
    }
}
