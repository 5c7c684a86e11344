package dev.gosync.gomod.resolve;

import dev.gosync.gomod.modfile.Replacement;
import dev.gosync.gomod.module.ModuleVersion;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code replace} directives in force: those of the main module, or in a workspace those of
 * the go.work file (which win) and of every workspace module. A rule for one version beats a rule
 * for all versions of the same file. Only main modules' replacements count; dependencies' go.mod
 * files are read laxly and theirs are never seen.
 */
final class Replacements {
    static final Replacements NONE = new Replacements(Map.of(), null, List.of(), false);

    /** The rules of one go.mod, keyed by the replaced module (version "" for all versions). */
    private record ModuleRules(Path dir, Map<ModuleVersion, ModuleVersion> rules) {
    }

    private final Map<ModuleVersion, ModuleVersion> workRules;
    private final Path workDir;
    private final List<ModuleRules> moduleRules;
    private final boolean workspace;

    private Replacements(Map<ModuleVersion, ModuleVersion> workRules, Path workDir, List<ModuleRules> moduleRules,
                         boolean workspace) {
        this.workRules = workRules;
        this.workDir = workDir;
        this.moduleRules = moduleRules;
        this.workspace = workspace;
    }

    /** The replacements of a single main module read from a directory. */
    static Replacements ofModule(MainModule main) {
        Path dir = main.dir().orElseThrow();
        String file = dir.resolve("go.mod").toString();
        return new Replacements(Map.of(), null,
                List.of(new ModuleRules(dir, rules(file, main.goMod().replacements()))), false);
    }

    /**
     * The replacements of a workspace.
     *
     * @throws MainModuleException when the go.work replaces a workspace module at every version, or
     *                             two workspace modules replace the same module differently and the
     *                             go.work does not settle it
     */
    static Replacements ofWorkspace(Path goWork, List<Replacement> workReplaces, List<MainModule> modules) {
        Path workDir = goWork.toAbsolutePath().normalize().getParent();
        Map<ModuleVersion, ModuleVersion> workRules = rules(goWork.toString(), workReplaces);
        Set<String> mainPaths = new HashSet<>();
        modules.forEach(m -> mainPaths.add(m.path()));
        Set<String> replacedByWork = new HashSet<>();
        for (ModuleVersion old : workRules.keySet()) {
            if (old.version().isEmpty() && mainPaths.contains(old.path())) {
                throw new MainModuleException("workspace module " + old.path()
                        + " is replaced at all versions in " + goWork,
                        "remove the replacement from the go.work file, or name the version to replace");
            }
            replacedByWork.add(old.path());
        }
        List<ModuleRules> moduleRules = modules.stream().map(m -> {
            Path dir = m.dir().orElseThrow();
            return new ModuleRules(dir, rules(dir.resolve("go.mod").toString(), m.goMod().replacements()));
        }).toList();
        checkAgreement(moduleRules, replacedByWork);
        return new Replacements(workRules, workDir, moduleRules, true);
    }

    /** The rules of one file; the go command refuses one module (and version) replaced two ways. */
    private static Map<ModuleVersion, ModuleVersion> rules(String file, List<Replacement> replacements) {
        Map<ModuleVersion, ModuleVersion> rules = new LinkedHashMap<>();
        for (Replacement r : replacements) {
            ModuleVersion previous = rules.put(r.old(), r.target());
            if (previous != null && !previous.equals(r.target())) {
                throw new MainModuleException("conflicting replacements for " + r.old() + " in " + file + ":\n\t"
                        + previous + "\n\t" + r.target(), "keep one of the replace directives");
            }
        }
        return rules;
    }

    /** Workspace modules must agree on each replacement the go.work file leaves to them. */
    private static void checkAgreement(List<ModuleRules> moduleRules, Set<String> replacedByWork) {
        Map<ModuleVersion, ModuleVersion> seen = new HashMap<>();
        for (ModuleRules module : moduleRules) {
            for (Map.Entry<ModuleVersion, ModuleVersion> rule : module.rules.entrySet()) {
                ModuleVersion old = rule.getKey();
                if (replacedByWork.contains(old.path())) {
                    continue;
                }
                // Relative directories are relative to each go.mod, so compare where they lead.
                ModuleVersion target = rule.getValue();
                if (target.version().isEmpty()) {
                    target = new ModuleVersion(module.dir.resolve(target.path()).normalize().toString(), "");
                }
                ModuleVersion previous = seen.put(old, target);
                if (previous != null && !previous.equals(target)) {
                    throw new MainModuleException("conflicting replacements for " + old + ":\n\t" + previous + "\n\t"
                            + target, "settle it in the go.work file: go work edit -replace " + old + "=[override]");
                }
            }
        }
    }

    /**
     * The replacement of m, if any: the go.work's rule, else the workspace modules' rules in order,
     * where a later module's rule wins unless it names m's version and disagrees with an earlier
     * module's (the go command's reading, which is order-sensitive).
     *
     * @throws MainModuleException when workspace modules disagree on m
     */
    Optional<ReplacementTarget> lookup(ModuleVersion m) {
        ModuleVersion fromWork = match(workRules, m);
        if (fromWork != null) {
            return Optional.of(target(fromWork, null));
        }
        ModuleVersion found = null;
        Path foundDir = null;
        for (ModuleRules module : moduleRules) {
            ModuleVersion exact = module.rules.get(m);
            ModuleVersion target = exact != null ? exact : module.rules.get(new ModuleVersion(m.path(), ""));
            if (target == null) {
                continue;
            }
            if (foundDir != null && exact != null && !found.equals(target)) {
                throw new MainModuleException("conflicting replacements found for " + m
                        + " in workspace modules defined by " + foundDir.resolve("go.mod") + " and "
                        + module.dir.resolve("go.mod"), "settle it in the go.work file: go work edit -replace "
                        + m + "=[override]");
            }
            found = target;
            foundDir = module.dir;
        }
        return found == null ? Optional.empty() : Optional.of(target(found, foundDir));
    }

    private static ModuleVersion match(Map<ModuleVersion, ModuleVersion> rules, ModuleVersion m) {
        ModuleVersion exact = rules.get(m);
        return exact != null ? exact : rules.get(new ModuleVersion(m.path(), ""));
    }

    /** @param ruleDir the directory of the go.mod holding the rule; null for the go.work's rules */
    private ReplacementTarget target(ModuleVersion target, Path ruleDir) {
        if (!target.version().isEmpty()) {
            return new ReplacementTarget.Module(target);
        }
        String written = target.path();
        if (Path.of(written).isAbsolute()) {
            return new ReplacementTarget.Directory(written, Path.of(written).normalize());
        }
        if (ruleDir == null) {
            return new ReplacementTarget.Directory(written, workDir.resolve(written).normalize());
        }
        Path dir = ruleDir.resolve(written).toAbsolutePath().normalize();
        if (!workspace) {
            return new ReplacementTarget.Directory(written, dir);
        }
        // In a workspace the go command shows every directory relative to the go.work file.
        return new ReplacementTarget.Directory(directoryPath(workDir.relativize(dir)), dir);
    }

    /** A relative path written so that it cannot be mistaken for a module path. */
    private static String directoryPath(Path relative) {
        String slashed = relative.toString().replace('\\', '/');
        if (slashed.equals("..") || slashed.startsWith("../")) {
            return slashed;
        }
        return "./" + (slashed.isEmpty() ? "." : slashed);
    }
}
