package dev.gosync.serve.latest;

import dev.gosync.gomod.modfile.ModFile;

import dev.gosync.gomod.modfile.ModFileException;
import dev.gosync.gomod.modfile.Retraction;
import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.semver.InvalidVersionException;
import dev.gosync.gomod.semver.PseudoVersion;
import dev.gosync.gomod.semver.Semver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The answer to {@code <module>/@latest} from the versions a mirror holds, by the go command's
 * rules for the query {@code latest} (its modload query and proxy code):
 * <ol>
 *   <li>the highest release, else the highest prerelease, among the tagged (non-pseudo)
 *       versions; a {@code +incompatible} version only when the highest compatible version
 *       below it has no go.mod file of its own;</li>
 *   <li>with no tagged version, the pseudo-version with the latest commit time (the time the
 *       pseudo-version records, as the go command reads a proxy's version list);</li>
 *   <li>versions retracted by the go.mod of the version chosen so while ignoring retractions
 *       are left out; if that leaves nothing, the unfiltered choice is the answer, so that
 *       {@code go list -m -retracted} still finds it.</li>
 * </ol>
 * The go command itself asks a proxy for {@code @latest} only when the list has no tagged
 * version, and applies retractions itself; answering by the full rules keeps the endpoint
 * right for every other client too.
 */
public final class LatestVersion {
    /** The mirror's go.mod files, by version; empty when the mirror has none. */
    @FunctionalInterface
    public interface GoMods {
        Optional<byte[]> goMod(String version);
    }

    private LatestVersion() {
    }

    /**
     * The latest version of modulePath among the listed versions (an {@code @v/list}; invalid
     * entries are ignored), or empty when there is none.
     */
    public static Optional<String> choose(String modulePath, List<String> listed, GoMods goMods) {
        List<String> versions = new ArrayList<>();
        for (String v : listed) {
            if (Semver.isValid(v) && ModulePath.canonicalVersion(v).equals(v)) {
                versions.add(v);
            }
        }
        Semver.sort(versions);
        Optional<String> ignoringRetractions = select(modulePath, versions, v -> true, goMods);
        if (ignoringRetractions.isEmpty()) {
            return ignoringRetractions;
        }
        List<Retraction> retractions = retractions(ignoringRetractions.get(), goMods);
        if (retractions.isEmpty()) {
            return ignoringRetractions;
        }
        Optional<String> allowed = select(modulePath, versions, v -> !retracted(v, retractions), goMods);
        return allowed.isPresent() ? allowed : ignoringRetractions;
    }

    /** Whether v lies in one of the closed intervals; bounds that are not valid versions match nothing. */
    static boolean retracted(String v, List<Retraction> retractions) {
        for (Retraction r : retractions) {
            if (Semver.isValid(r.low()) && Semver.isValid(r.high())
                    && Semver.compare(r.low(), v) <= 0 && Semver.compare(v, r.high()) <= 0) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> select(String modulePath, List<String> sorted, Predicate<String> allowed,
            GoMods goMods) {
        List<String> releases = new ArrayList<>();
        List<String> prereleases = new ArrayList<>();
        String lastCompatible = null;
        boolean needIncompatible = false;
        for (String v : sorted) {
            if (PseudoVersion.isPseudoVersion(v) || !allowed.test(v)) {
                continue;
            }
            if (!needIncompatible) {
                if (!v.endsWith("+incompatible")) {
                    lastCompatible = v;
                } else if (lastCompatible != null) {
                    if (hasOwnGoMod(modulePath, lastCompatible, goMods)) {
                        break;
                    }
                    needIncompatible = true;
                }
            }
            (Semver.prerelease(v).isEmpty() ? releases : prereleases).add(v);
        }
        if (!releases.isEmpty()) {
            return Optional.of(releases.get(releases.size() - 1));
        }
        if (!prereleases.isEmpty()) {
            return Optional.of(prereleases.get(prereleases.size() - 1));
        }
        String newest = null;
        Instant newestTime = null;
        for (String v : sorted) {
            if (!PseudoVersion.isPseudoVersion(v) || !allowed.test(v)) {
                continue;
            }
            Instant t;
            try {
                t = PseudoVersion.time(v);
            } catch (InvalidVersionException e) {
                continue;
            }
            if (newestTime == null || t.isAfter(newestTime)) {
                newest = v;
                newestTime = t;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The go command's test: a version whose go.mod is the one it synthesizes for modules without one has none. */
    private static boolean hasOwnGoMod(String modulePath, String version, GoMods goMods) {
        Optional<byte[]> mod = goMods.goMod(version);
        if (mod.isEmpty()) {
            return false;
        }
        byte[] synthesized = ("module " + modulePath + "\n").getBytes(StandardCharsets.UTF_8);
        return !Arrays.equals(mod.get(), synthesized);
    }

    private static List<Retraction> retractions(String version, GoMods goMods) {
        Optional<byte[]> mod = goMods.goMod(version);
        if (mod.isEmpty()) {
            return List.of();
        }
        try {
            return ModFile.parseLax(version + ".mod", mod.get()).retractions();
        } catch (ModFileException e) {
            // The go command ignores retractions it cannot read as well.
            return List.of();
        }
    }
}
