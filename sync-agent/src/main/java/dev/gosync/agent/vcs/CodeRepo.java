package dev.gosync.agent.vcs;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.modfile.ModFile;
import dev.gosync.gomod.modfile.Retraction;
import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.semver.InvalidVersionException;
import dev.gosync.gomod.semver.PseudoVersion;
import dev.gosync.gomod.semver.Semver;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.zip.ModuleZips;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One module of a git repository, as the go command's {@code modfetch.codeRepo} makes versions of
 * its commits: which tags are versions, which version a commit is, whether a pseudo-version is
 * legitimate, where the go.mod is. Error messages are the go command's, word for word.
 */
final class CodeRepo {
    private static final String INCOMPATIBLE = "+incompatible";
    private static final String GO_MOD = "go.mod";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final GitRepo git;
    private final ModuleLayout layout;
    private List<String> versions;
    private Predicate<String> retracted;

    CodeRepo(GitRepo git, ModuleLayout layout) {
        this.git = git;
        this.layout = layout;
    }

    ModuleLayout layout() {
        return layout;
    }

    /**
     * The module's versions: canonical tags with the module's prefix and a major version its path
     * allows, sorted, then the {@code +incompatible} ones the go command lists.
     */
    synchronized List<String> versions() {
        if (versions == null) {
            versions = List.copyOf(loadVersions());
        }
        return versions;
    }

    private List<String> loadVersions() {
        String prefix = layout.tagPrefix();
        List<String> list = new ArrayList<>();
        List<String> incompatible = new ArrayList<>();
        for (GitRepo.Tag tag : git.tags(prefix).list()) {
            String v = tag.name().substring(prefix.length());
            if (v.isEmpty() || !v.equals(Semver.canonical(v)) || PseudoVersion.isPseudoVersion(v)) {
                continue;
            }
            if (!ModulePath.matchPathMajor(v, layout.pathMajor())) {
                if (layout.codeDir().isEmpty() && layout.pathMajor().isEmpty() && Semver.major(v).compareTo("v1") > 0) {
                    incompatible.add(v);
                }
                continue;
            }
            list.add(v);
        }
        Semver.sort(list);
        Semver.sort(incompatible);
        return appendIncompatible(list, incompatible);
    }

    /**
     * Adds {@code +incompatible} versions unless the latest compatible version has a go.mod (the
     * author wants users on v0/v1), leaving out every major version whose latest tag has one.
     */
    private List<String> appendIncompatible(List<String> list, List<String> incompatible) {
        if (incompatible.isEmpty() || !layout.pathMajor().isEmpty()) {
            return list;
        }
        if (!list.isEmpty() && hasRootGoMod(list.get(list.size() - 1))) {
            return list;
        }
        List<String> all = new ArrayList<>(list);
        String lastMajor = "";
        boolean lastMajorHasGoMod = false;
        for (int i = 0; i < incompatible.size(); i++) {
            String v = incompatible.get(i);
            String major = Semver.major(v);
            if (!major.equals(lastMajor)) {
                int j = i;
                while (j + 1 < incompatible.size() && Semver.major(incompatible.get(j + 1)).equals(major)) {
                    j++;
                }
                lastMajor = major;
                lastMajorHasGoMod = hasRootGoMod(incompatible.get(j));
            }
            if (!lastMajorHasGoMod) {
                all.add(v + INCOMPATIBLE);
            }
        }
        return all;
    }

    private boolean hasRootGoMod(String tag) {
        return git.readFile(tag, GO_MOD, ModuleZips.MAX_GO_MOD).isPresent();
    }

    /**
     * What revision {@code rev} is as a module version ({@code codeRepo.Stat}): a canonical
     * version resolves to its tag, a pseudo-version is checked against its commit, anything else
     * (branch, hash, other tag) becomes the commit's version or a new pseudo-version.
     *
     * @throws ModuleNotFoundException if the revision or the module at it does not exist
     * @throws InvalidVersionException if the revision exists but cannot be this version
     */
    Resolved stat(String rev) {
        if (rev.equals("latest")) {
            return latest();
        }
        Revision info;
        try {
            info = git.stat(revToRev(rev));
        } catch (GitRepo.UnknownRevisionException e) {
            throw new ModuleNotFoundException(invalid(rev, false, e.getMessage()), e.remedy());
        } catch (GitRepo.AmbiguousRevisionException e) {
            throw new InvalidVersionException(rev, invalid(rev, false, e.getMessage()), e.remedy());
        }
        return convert(info, rev);
    }

    /**
     * The commit at {@code HEAD} as a version ({@code codeRepo.Latest}).
     *
     * @throws ModuleNotFoundException if the repository has no commits or no module at HEAD
     */
    Resolved latest() {
        Revision head;
        try {
            head = git.latest();
        } catch (GitRepo.UnknownRevisionException e) {
            throw new ModuleNotFoundException("module " + layout.modulePath() + ": " + e.getMessage(), e.remedy());
        }
        return convert(head, "");
    }

    /** A revision as a module version, with where it came from. */
    record Resolved(String version, Instant time, Origin origin) {
    }

    private Resolved convert(Revision info, String statVers) {
        String v = convertVersion(info, statVers);
        Origin origin = new Origin(git.url(), layout.codeDir(), info.hash(), "", "", info.ref());
        if (PseudoVersion.isPseudoVersion(v) && (!v.equals(statVers) || !v.startsWith("v0.0.0-"))) {
            String prefix = layout.tagPrefix();
            if (!layout.pathMajor().isEmpty()) {
                prefix += layout.pathMajor().substring(1) + ".";
            }
            origin = origin.withTags(prefix, git.tags(prefix).tagSum());
        }
        return new Resolved(v, info.time(), origin);
    }

    /** The version info's commit is for this module ({@code codeRepo.convert} without the origin). */
    private String convertVersion(Revision info, String statVers) {
        Incompatibility incompatibility = new Incompatibility(info, statVers);
        if (PseudoVersion.isPseudoVersion(statVers)) {
            String v = checkCanonical(statVers, statVers, incompatibility);
            validatePseudoVersion(info, statVers);
            return v;
        }
        Predicate<String> isRetracted = retractedOrNone();
        TagVersion fromVcs = tagToVersion(info.version());
        if (fromVcs.canonical()) {
            try {
                return checkCanonical(fromVcs.version(), statVers, incompatibility);
            } catch (GosyncException e) {
                // Fall back to the commit's other tags, as the go command does.
            }
        }
        String highestCanonical = "";
        String pseudoBase = "";
        for (String pathTag : info.tags()) {
            TagVersion t = tagToVersion(pathTag);
            String v = t.version();
            if (!statVers.isEmpty() && Semver.compare(v, statVers) == 0) {
                if (t.canonical()) {
                    return checkCanonical(v, statVers, incompatibility);
                }
                pseudoBase = v;
            }
            if (t.canonical() && Semver.compare(highestCanonical, v) < 0 && !isRetracted.test(v)
                    && (ModulePath.matchPathMajor(v, layout.pathMajor()) || incompatibility.canUse(v))) {
                highestCanonical = v;
            }
        }
        if (!highestCanonical.isEmpty()) {
            return checkCanonical(highestCanonical, statVers, incompatibility);
        }
        if (pseudoBase.isEmpty()) {
            String tag = git.recentTag(info.hash(), layout.tagPrefix(), candidate -> {
                String v = tagToVersion(candidate).version();
                return !v.isEmpty() && (ModulePath.matchPathMajor(v, layout.pathMajor()) || incompatibility.canUse(v))
                        && !isRetracted.test(v);
            });
            if (!tag.isEmpty()) {
                pseudoBase = tagToVersion(tag).version();
            }
        }
        String pseudo = PseudoVersion.build(layout.pseudoMajor(), pseudoBase, info.time(), info.shortHash());
        return checkCanonical(pseudo, statVers, incompatibility);
    }

    /** A tag's version for this module: the tag minus the module's prefix, canonicalized. */
    private record TagVersion(String version, boolean canonical) {
    }

    private TagVersion tagToVersion(String tag) {
        String prefix = layout.tagPrefix();
        if (!tag.startsWith(prefix) || PseudoVersion.isPseudoVersion(tag)) {
            return new TagVersion("", false);
        }
        String trimmed = tag.substring(prefix.length());
        // Not ModulePath.canonicalVersion: a "+incompatible" in a tag's name is no request for one.
        String v = Semver.canonical(trimmed);
        if (v.isEmpty() || !trimmed.startsWith(v)) {
            return new TagVersion("", false);
        }
        return new TagVersion(v, v.equals(trimmed));
    }

    /**
     * Whether a tag of another major version may be used as {@code +incompatible}: only for a
     * module at the repository root without major suffix, whose commit has no go.mod at the root
     * and — unless {@code +incompatible} was asked for explicitly — none in {@code vN/}.
     */
    private final class Incompatibility {
        private final Revision info;
        private final String statVers;
        private final Map<String, Boolean> noGoMod = new HashMap<>();

        Incompatibility(Revision info, String statVers) {
            this.info = info;
            this.statVers = statVers;
        }

        boolean canUse(String v) {
            if (!layout.codeDir().isEmpty() || !layout.pathMajor().isEmpty()) {
                return false;
            }
            if (!lacksGoMod(GO_MOD)) {
                return false;
            }
            return v.isEmpty() || statVers.endsWith(INCOMPATIBLE) || lacksGoMod(Semver.major(v) + "/" + GO_MOD);
        }

        private boolean lacksGoMod(String file) {
            return noGoMod.computeIfAbsent(file, f -> {
                try {
                    return git.readFile(info.hash(), f, ModuleZips.MAX_GO_MOD).isEmpty();
                } catch (GosyncException e) {
                    return true;
                }
            });
        }
    }

    /**
     * Checks that canonical version v suits the module at its commit, adding {@code +incompatible}
     * where needed; a canonical statVers must come out as itself.
     */
    private String checkCanonical(String version, String statVers, Incompatibility incompatibility) {
        String v = version;
        try {
            findDir(v);
        } catch (FindDirException e) {
            throw new ModuleNotFoundException(invalid(v, false, e.getMessage()), e.remedy());
        }
        if (v.equals(trimIncompatible(statVers))) {
            v = statVers;
        }
        String base = trimIncompatible(v);
        String incompatibleProblem = null;
        if (!ModulePath.matchPathMajor(base, layout.pathMajor())) {
            if (incompatibility.canUse(base)) {
                v = base + INCOMPATIBLE;
            } else if (!layout.pathMajor().isEmpty()) {
                incompatibleProblem = "module path includes a major version suffix, so major version must match";
            } else {
                incompatibleProblem = "module contains a go.mod file, so module path must match major version ("
                        + GoStrings.quote(layout.pathPrefix() + "/" + Semver.major(v)) + ")";
            }
        } else if (v.endsWith(INCOMPATIBLE)) {
            incompatibleProblem = "+incompatible suffix not allowed: major version " + Semver.major(v) + " is compatible";
        }
        if (!statVers.isEmpty() && statVers.equals(ModulePath.canonicalVersion(statVers))) {
            String statBase = trimIncompatible(statVers);
            if (!statBase.equals(base)) {
                throw new InvalidVersionException(statVers, invalid(statVers, false,
                        "resolves to version " + v + " (" + statBase + " is not a tag)"), null);
            }
        }
        if (incompatibleProblem != null) {
            throw new InvalidVersionException(v, invalid(v, false, incompatibleProblem),
                    "use the module path whose major version suffix matches the version");
        }
        return v;
    }

    /**
     * Checks that a pseudo-version names info's commit correctly: its 12-digit revision, its
     * commit time, and a base that is a tag on an ancestor — not necessarily the highest one,
     * since tags may have been added after the pseudo-version was made.
     */
    private void validatePseudoVersion(Revision info, String version) {
        String rev = PseudoVersion.revision(version);
        String shortHash = info.shortHash();
        if (!rev.equals(shortHash)) {
            if (rev.startsWith(shortHash)) {
                throw invalidPseudo(version, "revision is longer than canonical (expected " + shortHash + ")");
            }
            if (shortHash.startsWith(rev)) {
                throw invalidPseudo(version, "revision is shorter than canonical (expected " + shortHash + ")");
            }
            throw invalidPseudo(version, "does not match short name of revision (expected " + shortHash + ")");
        }
        Instant stamped;
        String base;
        try {
            stamped = PseudoVersion.time(version);
            base = PseudoVersion.base(trimIncompatible(version));
        } catch (InvalidVersionException e) {
            throw invalidPseudo(version, reason(e));
        }
        if (!stamped.equals(info.time())) {
            throw invalidPseudo(version, "does not match version-control timestamp (expected "
                    + TIMESTAMP.format(info.time()) + ")");
        }
        String tagPrefix = layout.tagPrefix();
        if (base.isEmpty()) {
            if (layout.pseudoMajor().isEmpty() && Semver.major(version).equals("v1")) {
                throw invalidPseudo(version, "major version without preceding tag must be v0, not v1");
            }
            return;
        }
        for (String tag : info.tags()) {
            String versionOnly = tag.startsWith(tagPrefix) ? tag.substring(tagPrefix.length()) : tag;
            if (versionOnly.equals(base)) {
                throw invalidPseudo(version, "tag (" + tag + ") found on revision " + rev + " is already canonical, so"
                        + " should not be replaced with a pseudo-version derived from that tag");
            }
        }
        String lastTag = "";
        boolean ancestorFound = false;
        for (GitRepo.Tag tag : git.tags(tagPrefix + base).list()) {
            String versionOnly = tag.name().startsWith(tagPrefix) ? tag.name().substring(tagPrefix.length()) : tag.name();
            if (Semver.compare(versionOnly, base) == 0) {
                lastTag = tag.name();
                ancestorFound = git.descendsFrom(info.hash(), tag.name());
                if (ancestorFound) {
                    break;
                }
            }
        }
        if (lastTag.isEmpty()) {
            throw invalidPseudo(version, "preceding tag (" + base + ") not found");
        }
        if (!ancestorFound) {
            throw invalidPseudo(version, "revision " + rev + " is not a descendent of preceding tag (" + lastTag + ")");
        }
    }

    /** The reason part of x/mod's {@code pseudo-version "v…" invalid: <reason>}. */
    private static String reason(InvalidVersionException e) {
        String marker = " invalid: ";
        int at = e.getMessage().indexOf(marker);
        return at < 0 ? e.getMessage() : e.getMessage().substring(at + marker.length());
    }

    private InvalidVersionException invalidPseudo(String version, String problem) {
        return new InvalidVersionException(version, invalid(version, true, problem),
                "use the pseudo-version the go command derives for the commit (go list -m -json " + layout.modulePath()
                        + "@<commit>)");
    }

    /** The go command's {@code path@version: invalid version: problem}. */
    private String invalid(String version, boolean pseudo, String problem) {
        return layout.modulePath() + "@" + version + ": invalid " + (pseudo ? "pseudo-version" : "version") + ": "
                + problem;
    }

    /** Everything retracted by the go.mod of the latest release (else prerelease); nothing if that cannot be read. */
    private synchronized Predicate<String> retractedOrNone() {
        if (retracted == null) {
            retracted = loadRetractions();
        }
        return retracted;
    }

    private Predicate<String> loadRetractions() {
        List<String> list = new ArrayList<>();
        try {
            for (String v : versions()) {
                if (v.endsWith(INCOMPATIBLE)) {
                    break;
                }
                list.add(v);
            }
            if (list.isEmpty()) {
                return v -> false;
            }
            String highest = list.get(list.size() - 1);
            for (int i = list.size() - 1; i >= 0; i--) {
                if (Semver.prerelease(list.get(i)).isEmpty()) {
                    highest = list.get(i);
                    break;
                }
            }
            List<Retraction> retractions = ModFile.parseLax(GO_MOD, goMod(highest)).retractions();
            return v -> retractions.stream().anyMatch(r -> Semver.compare(r.low(), v) <= 0 && Semver.compare(v, r.high()) <= 0);
        } catch (GosyncException e) {
            return v -> false;
        }
    }

    /** Where the module's files are at a version. */
    record ModuleDir(String rev, String dir, byte[] goMod) {
    }

    /** {@code findDir}'s failure: the version has no module at the expected place. */
    private static final class FindDirException extends GosyncException {
        FindDirException(String message) {
            super(message, "check that the version has a go.mod declaring the module path with its major version");
        }
    }

    /**
     * Locates the module's directory at a version ({@code findDir}): {@code codeDir} with a go.mod
     * of the right major version, or for {@code /vN} paths {@code codeDir/vN} with one (not both),
     * or — for v0/v1 at the repository root — {@code codeDir} without any go.mod.
     *
     * @throws FindDirException if the module is not there
     */
    private ModuleDir findDir(String version) {
        String rev = revToRev(version);
        String file1 = join(layout.codeDir(), GO_MOD);
        Optional<byte[]> gomod1 = readForFindDir(rev, file1);
        String mpath1 = gomod1.map(GoModPath::of).orElse("");
        boolean found1 = gomod1.isPresent() && (isMajor(mpath1, layout.pathMajor()) || replacesGopkgIn(mpath1));
        String file2 = "";
        String pathMajor = layout.pathMajor();
        if (!pathMajor.isEmpty() && !layout.codeRoot().equals(layout.modulePath()) && !pathMajor.startsWith(".")) {
            String dir2 = join(layout.codeDir(), pathMajor.substring(1));
            file2 = join(dir2, GO_MOD);
            Optional<byte[]> gomod2 = readForFindDir(rev, file2);
            String mpath2 = gomod2.map(GoModPath::of).orElse("");
            boolean found2 = gomod2.isPresent() && isMajor(mpath2, pathMajor);
            if (found1 && found2) {
                throw new FindDirException(layout.pathPrefix() + "/" + file1 + " and ..." + pathMajor + "/go.mod both have ..."
                        + pathMajor + " module paths at revision " + rev);
            }
            if (found2) {
                return new ModuleDir(rev, dir2, gomod2.get());
            }
            if (gomod2.isPresent()) {
                if (mpath2.isEmpty()) {
                    throw new FindDirException(layout.codeRoot() + "/" + file2 + " is missing module path at revision " + rev);
                }
                throw new FindDirException(layout.codeRoot() + "/" + file2 + " has non-..." + pathMajor + " module path "
                        + GoStrings.quote(mpath2) + " at revision " + rev);
            }
        }
        if (found1) {
            return new ModuleDir(rev, layout.codeDir(), gomod1.get());
        }
        if (gomod1.isPresent()) {
            String suffix = file2.isEmpty() ? "" : " (and ..." + pathMajor + "/go.mod does not exist)";
            if (mpath1.isEmpty()) {
                throw new FindDirException(file1 + " is missing module path" + suffix + " at revision " + rev);
            }
            if (!pathMajor.isEmpty()) {
                throw new FindDirException(file1 + " has non-..." + pathMajor + " module path " + GoStrings.quote(mpath1)
                        + suffix + " at revision " + rev);
            }
            if (ModulePath.splitPathVersion(mpath1).isEmpty()) {
                throw new FindDirException(file1 + " has malformed module path " + GoStrings.quote(mpath1) + suffix
                        + " at revision " + rev);
            }
            throw new FindDirException(file1 + " has post-" + Semver.major(version) + " module path "
                    + GoStrings.quote(mpath1) + suffix + " at revision " + rev);
        }
        if (layout.codeDir().isEmpty() && (pathMajor.isEmpty() || pathMajor.startsWith("."))) {
            return new ModuleDir(rev, "", null);
        }
        if (!file2.isEmpty()) {
            throw new FindDirException("missing " + layout.pathPrefix() + "/go.mod and ..." + pathMajor
                    + "/go.mod at revision " + rev);
        }
        throw new FindDirException("missing " + layout.pathPrefix() + "/go.mod at revision " + rev);
    }

    private Optional<byte[]> readForFindDir(String rev, String file) {
        try {
            return git.readFile(rev, file, ModuleZips.MAX_GO_MOD);
        } catch (GitRepo.UnknownRevisionException e) {
            throw new FindDirException("reading " + layout.codeRoot() + "/" + file + " at revision " + rev + ": "
                    + e.getMessage());
        }
    }

    /**
     * Whether a go.mod's module path suits the versions of pathMajor: any v0/v1 path for none,
     * else a path whose suffix has the same major version (not necessarily the same path: forks
     * are usable through replace directives).
     */
    private static boolean isMajor(String mpath, String pathMajor) {
        if (mpath.isEmpty()) {
            return false;
        }
        Optional<ModulePath.SplitPath> split = ModulePath.splitPathVersion(mpath);
        if (split.isEmpty()) {
            return false;
        }
        String mpathMajor = split.get().pathMajor();
        if (pathMajor.isEmpty()) {
            String m = ModuleLayout.majorPrefix(mpathMajor);
            return m.isEmpty() || m.equals("v0") || m.equals("v1");
        }
        if (mpathMajor.isEmpty()) {
            return false;
        }
        return pathMajor.substring(1).equals(mpathMajor.substring(1));
    }

    /** An old go command bug let unversioned paths replace gopkg.in paths; kept for compatibility. */
    private boolean replacesGopkgIn(String mpath) {
        return layout.pathMajor().isEmpty() && mpath.startsWith("gopkg.in/");
    }

    /**
     * The bytes of the module's go.mod at a canonical version, or the synthesized
     * {@code module <path>} line when the module has none (+incompatible and pre-module versions).
     */
    byte[] goMod(String version) {
        return locate(version).goMod().orElseGet(() -> legacyGoMod(layout.modulePath()));
    }

    /** The module's directory and go.mod at a canonical version, checked as for {@link #goMod}. */
    Located locate(String version) {
        if (!version.equals(ModulePath.canonicalVersion(version))) {
            throw new InvalidVersionException(version, layout.modulePath() + "@" + version + ": version " + version
                    + " is not canonical", "ask for the canonical form of the version");
        }
        if (PseudoVersion.isPseudoVersion(version)) {
            stat(version);
        }
        ModuleDir dir;
        try {
            dir = findDir(version);
        } catch (FindDirException e) {
            throw new ModuleNotFoundException(invalid(version, false, e.getMessage()), e.remedy());
        }
        Optional<byte[]> goMod = Optional.ofNullable(dir.goMod());
        if (goMod.isEmpty()) {
            goMod = git.readFile(dir.rev(), join(dir.dir(), GO_MOD), ModuleZips.MAX_GO_MOD);
        }
        return new Located(git.stat(dir.rev()).hash(), dir.dir(), goMod);
    }

    /**
     * A module version's place in the repository.
     *
     * @param commit the full commit hash
     * @param dir    the module's directory ("" for the root)
     * @param goMod  its go.mod, if it has one
     */
    record Located(String commit, String dir, Optional<byte[]> goMod) {
    }

    /** The go.mod the go command makes up for a module without one. */
    static byte[] legacyGoMod(String modulePath) {
        return ("module " + modulePath + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The revision to look up for a version: its tag (without +incompatible) or a pseudo-version's commit. */
    private String revToRev(String rev) {
        if (!Semver.isValid(rev)) {
            return rev;
        }
        if (PseudoVersion.isPseudoVersion(rev)) {
            return PseudoVersion.revision(rev);
        }
        String v = Semver.build(rev).equals(INCOMPATIBLE) ? rev.substring(0, rev.length() - INCOMPATIBLE.length()) : rev;
        return layout.tagPrefix() + v;
    }

    private static String trimIncompatible(String v) {
        return v.endsWith(INCOMPATIBLE) ? v.substring(0, v.length() - INCOMPATIBLE.length()) : v;
    }

    private static String join(String dir, String file) {
        return dir.isEmpty() ? file : dir + "/" + file;
    }
}
