package dev.gosync.gomod.resolve;

import dev.gosync.gomod.GoFields;
import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.modfile.ModFile;
import dev.gosync.gomod.modfile.Retraction;
import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.semver.PseudoVersion;
import dev.gosync.gomod.semver.Semver;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.store.RevInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves module queries over a module source with the go command's rules ({@code modload.Query}
 * for a module outside any main module): tagged versions from the source's list, releases
 * preferred over prereleases, retracted versions skipped (retractions come from the go.mod of the
 * latest version), {@code +incompatible} versions skipped when the highest compatible version has
 * a go.mod, and the source's latest revision when no tagged version matches. Exact versions and
 * revisions are looked up directly and may be retracted.
 */
public final class QueryResolver {
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final String REMEDY = "check the module path and the query, and that GOPROXY serves the module";

    private final ModuleSource source;
    private final GoModFetcher goMods;

    public QueryResolver(ModuleSource source) {
        this.source = source;
        this.goMods = GoModFetcher.of(source);
    }

    /** Resolves a query for a module not yet in use. */
    public ResolvedQuery resolve(ModuleQuery query) {
        return resolve(query, "");
    }

    /**
     * Resolves a query for a module whose version in use is {@code current} ("" or "none" when
     * none): {@code upgrade} never goes below it, {@code patch} stays within its minor version.
     *
     * @throws ModuleQueryException when no version matches or the source cannot answer
     */
    public ResolvedQuery resolve(ModuleQuery query, String current) {
        String now = current.equals("none") ? "" : current;
        if (!now.isEmpty() && !Semver.isValid(now)) {
            throw new ModuleQueryException("invalid previous version " + query.path() + "@" + now, REMEDY);
        }
        Run run = new Run(query.path());
        RevInfo info;
        try {
            info = run.query(query, now, true);
        } catch (ModuleQueryException e) {
            throw e;
        } catch (GosyncException e) {
            // Sources already name the module (as the go command's messages do); name it once.
            String message = e.getMessage().startsWith(query + ": ") ? e.getMessage() : query + ": " + e.getMessage();
            throw new ModuleQueryException(message, e.remedy() != null ? e.remedy() : REMEDY, e);
        }
        return new ResolvedQuery(query, new ModuleVersion(query.path(), info.version()), info, run.listRead,
                List.copyOf(run.goModsRead));
    }

    /** The reads and caches of one resolution. */
    private final class Run {
        final String path;
        boolean listRead;
        List<String> listEntries;
        Optional<RevInfo> latest;
        final Set<ModuleVersion> goModsRead = new LinkedHashSet<>();
        final Map<ModuleVersion, byte[]> goModCache = new HashMap<>();
        /** Null until loaded; empty when there are none or they could not be loaded. */
        List<Retraction> retractions;

        Run(String path) {
            this.path = path;
        }

        /** @param checkRetractions whether retracted versions are skipped (they are not when finding the latest version to read retractions from) */
        RevInfo query(ModuleQuery q, String current, boolean checkRetractions) {
            QueryMatcher qm = QueryMatcher.of(q, current);
            if (qm == null || qm.canStat) {
                return statQuery(q);
            }
            boolean skipRetracted = checkRetractions && QueryMatcher.choosesAmongVersions(q.query());
            List<String> releases = new ArrayList<>();
            List<String> prereleases = new ArrayList<>();
            filterVersions(qm, skipRetracted, releases, prereleases);
            List<String> pool = !releases.isEmpty() ? releases : prereleases;
            if (!pool.isEmpty()) {
                return lookup(q, current, qm.preferLower ? pool.get(0) : pool.get(pool.size() - 1), skipRetracted);
            }
            if (qm.mayUseLatest) {
                Optional<RevInfo> newest = latest();
                if (newest.isPresent() && allows(qm, newest.get().version(), skipRetracted)) {
                    return lookup(q, current, newest.get().version(), skipRetracted);
                }
            }
            if ((q.query().equals("upgrade") || q.query().equals("patch")) && !current.isEmpty()) {
                // upgrade and patch may stay where they are.
                if (skipRetracted) {
                    requireNotRetracted(current);
                }
                return lookup(q, current, current, skipRetracted);
            }
            String suffix = (q.query().equals("upgrade") || q.query().equals("patch")) && !current.isEmpty()
                    ? " (current version is " + current + ")" : "";
            throw new ModuleQueryException("module " + path + ": no matching versions for query "
                    + GoStrings.quote(q.query()) + suffix, "list the versions the source has: go list -m -versions " + path);
        }

        /** An exact version or a revision: ask the source, then try the canonical form of a version with build metadata. */
        private RevInfo statQuery(ModuleQuery q) {
            try {
                return stat(q.query());
            } catch (ModuleNotFoundException e) {
                String canonical = ModulePath.canonicalVersion(q.query());
                if (canonical.isEmpty() || canonical.equals(q.query())) {
                    throw e;
                }
                try {
                    return stat(canonical);
                } catch (ModuleNotFoundException ignored) {
                    throw e;
                }
            }
        }

        private void filterVersions(QueryMatcher qm, boolean skipRetracted, List<String> releases,
                                    List<String> prereleases) {
            boolean needIncompatible = qm.preferIncompatible;
            String lastCompatible = "";
            for (String v : versions(qm.prefix)) {
                if (!allows(qm, v, skipRetracted)) {
                    continue;
                }
                if (!needIncompatible) {
                    if (!v.endsWith("+incompatible")) {
                        lastCompatible = v;
                    } else if (!lastCompatible.isEmpty()) {
                        // A go.mod in the highest compatible version means the author moved to
                        // modules: +incompatible versions above it are not upgrades.
                        if (hasGoMod(lastCompatible)) {
                            break;
                        }
                        needIncompatible = true;
                    }
                }
                (Semver.prerelease(v).isEmpty() ? releases : prereleases).add(v);
            }
        }

        /** The tagged versions of the list with the prefix, sorted: no pseudo-versions, no invalid lines. */
        private List<String> versions(String prefix) {
            List<String> versions = new ArrayList<>();
            for (String entry : listEntries()) {
                List<String> fields = GoFields.split(entry);
                if (!fields.isEmpty() && Semver.isValid(fields.get(0)) && fields.get(0).startsWith(prefix)
                        && !PseudoVersion.isPseudoVersion(fields.get(0))) {
                    versions.add(fields.get(0));
                }
            }
            Semver.sort(versions);
            return versions;
        }

        private List<String> listEntries() {
            if (listEntries == null) {
                listEntries = List.copyOf(source.versions(path));
                listRead = true;
            }
            return listEntries;
        }

        private boolean allows(QueryMatcher qm, String v, boolean skipRetracted) {
            return qm.matches(v) && !(skipRetracted && retraction(v).isPresent());
        }

        /**
         * The source's latest revision: its {@code @latest} answer, else the newest list entry that
         * carries a time (a pseudo-version, or a version with a time stamp after it); empty when none.
         */
        private Optional<RevInfo> latest() {
            if (latest == null) {
                Optional<RevInfo> answer;
                try {
                    answer = source.latest(path);
                } catch (ModuleNotFoundException e) {
                    answer = Optional.empty();
                }
                latest = answer.isPresent() ? answer : latestFromList();
            }
            return latest;
        }

        private Optional<RevInfo> latestFromList() {
            Instant bestTime = ZERO_TIME;
            String best = "";
            for (String entry : listEntries()) {
                List<String> fields = GoFields.split(entry);
                if (fields.isEmpty() || !Semver.isValid(fields.get(0))) {
                    continue;
                }
                Instant time;
                if (fields.size() >= 2) {
                    time = parseTime(fields.get(1));
                } else if (PseudoVersion.isPseudoVersion(fields.get(0))) {
                    time = pseudoTime(fields.get(0));
                } else {
                    continue;
                }
                if (bestTime.isBefore(time)) {
                    bestTime = time;
                    best = fields.get(0);
                }
            }
            return best.isEmpty() ? Optional.empty() : Optional.of(stat(best));
        }

        private RevInfo lookup(ModuleQuery q, String current, String version, boolean skipRetracted) {
            RevInfo rev = stat(version);
            boolean upgradeOrPatch = q.query().equals("upgrade") || q.query().equals("patch");
            if (upgradeOrPatch && PseudoVersion.isPseudoVersion(current) && !rev.instant().equals(ZERO_TIME)) {
                // Someone on a pseudo-version of a branch does not want an "upgrade" to a version
                // that existed before their commit, even if it sorts higher.
                Instant currentTime = pseudoTime(current);
                if (rev.instant().isBefore(currentTime)) {
                    if (skipRetracted) {
                        requireNotRetracted(current);
                    }
                    return stat(current);
                }
            }
            return rev;
        }

        /** Looks a revision up; a canonical version must come back as itself. */
        private RevInfo stat(String rev) {
            if (rev.equals(ModulePath.canonicalVersion(rev)) && validFor(rev)) {
                ModuleVersion mv = new ModuleVersion(path, rev);
                RevInfo info = source.info(mv);
                if (!info.version().equals(rev)) {
                    throw new ModuleQueryException(mv + ": " + source.describe() + " returned info for version "
                            + info.version() + " instead of requested version", "the source is inconsistent; use another");
                }
                return info;
            }
            return source.query(path, rev);
        }

        private boolean validFor(String version) {
            try {
                ModulePath.check(path, version);
                return true;
            } catch (GosyncException e) {
                return false;
            }
        }

        private void requireNotRetracted(String version) {
            Optional<Retraction> r = retraction(version);
            if (r.isPresent()) {
                String rationale = r.get().rationale().isEmpty() ? "" : ": " + r.get().rationale().lines().findFirst().orElse("");
                throw new ModuleQueryException(path + "@" + version + ": retracted by module author" + rationale,
                        "ask for another version");
            }
        }

        /** The retraction covering v, according to the go.mod of the latest version. */
        private Optional<Retraction> retraction(String v) {
            if (retractions == null) {
                retractions = loadRetractions();
            }
            return retractions.stream()
                    .filter(r -> Semver.compare(r.low(), v) <= 0 && Semver.compare(v, r.high()) <= 0)
                    .findFirst();
        }

        /** Retractions that cannot be loaded retract nothing, as in the go command. */
        private List<Retraction> loadRetractions() {
            try {
                RevInfo newest = query(new ModuleQuery(path, "latest"), "", false);
                byte[] goMod = goMod(new ModuleVersion(path, newest.version()));
                return ModFile.parseLax("go.mod", goMod).retractions();
            } catch (GosyncException e) {
                return List.of();
            }
        }

        /** Whether the version has a go.mod of its own, rather than the one the go command makes up for legacy versions. */
        private boolean hasGoMod(String version) {
            byte[] goMod = goMod(new ModuleVersion(path, version));
            return !Arrays.equals(goMod, ("module " + path + "\n").getBytes(StandardCharsets.UTF_8));
        }

        private byte[] goMod(ModuleVersion mv) {
            byte[] cached = goModCache.get(mv);
            if (cached == null) {
                goModsRead.add(mv);
                cached = goMods.goMod(mv);
                goModCache.put(mv, cached);
            }
            return cached;
        }
    }

    private static Instant pseudoTime(String v) {
        try {
            return PseudoVersion.time(v);
        } catch (GosyncException e) {
            return ZERO_TIME;
        }
    }

    private static Instant parseTime(String rfc3339) {
        try {
            return OffsetDateTime.parse(rfc3339).toInstant();
        } catch (DateTimeParseException e) {
            return ZERO_TIME;
        }
    }
}
