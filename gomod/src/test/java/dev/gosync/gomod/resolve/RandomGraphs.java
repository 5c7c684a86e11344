package dev.gosync.gomod.resolve;

import dev.gosync.gomod.module.ModuleVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random module graphs that stress what the go command's graph loader does: 4 to 12
 * modules of 1 to 4 versions, some at {@code /v2} or v0, some prereleases; go lines none, 1.16,
 * 1.17 or 1.21 (unpruned and pruned, with and without the implicit go requirement); requirements
 * on any version of any other module, so cycles and requirements of unselected versions abound.
 * The project is a single module (sometimes requiring a path twice) or, now and then, a go.work
 * workspace of two; main go.mod files may exclude versions and replace modules by another module,
 * another version or a local directory, and a go.work may replace too.
 */
final class RandomGraphs {
    private static final String[] GO_LINES = {"", "1.16", "1.17", "1.21"};

    private final Random rnd;
    private final List<String> paths = new ArrayList<>();
    private final Map<String, List<String>> versions = new LinkedHashMap<>();
    private final Map<String, String> projectFiles = new LinkedHashMap<>();
    private int localDirs;

    private RandomGraphs(long seed) {
        rnd = new Random(seed);
    }

    static GraphScenario generate(long seed) {
        return new RandomGraphs(seed).scenario("seed " + seed);
    }

    private GraphScenario scenario(String name) {
        int count = 4 + rnd.nextInt(9);
        for (int i = 0; i < count; i++) {
            boolean v2 = rnd.nextInt(6) == 0;
            String path = "example.com/m" + i + (v2 ? "/v2" : "");
            int major = v2 ? 2 : rnd.nextInt(5) == 0 ? 0 : 1;
            List<String> vs = new ArrayList<>();
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                vs.add("v" + major + "." + k + ".0" + (rnd.nextInt(6) == 0 ? "-rc.1" : ""));
            }
            paths.add(path);
            versions.put(path, vs);
        }
        Map<ModuleVersion, String> modules = new LinkedHashMap<>();
        for (String path : paths) {
            for (String v : versions.get(path)) {
                modules.put(new ModuleVersion(path, v), goMod(path, goLine(), requirements(path, rnd.nextInt(4))));
            }
        }
        if (rnd.nextInt(7) == 0) {
            workspace();
        } else {
            projectFiles.put("go.mod", mainGoMod("example.com/main", ""));
        }
        return new GraphScenario(name, modules, projectFiles);
    }

    private void workspace() {
        StringBuilder work = new StringBuilder("go 1.22\n\nuse (\n\t./a\n\t./b\n)\n");
        if (rnd.nextInt(3) == 0) {
            work.append('\n').append(replaceLine("", new HashSet<>()));
        }
        projectFiles.put("go.work", work.toString());
        projectFiles.put("a/go.mod", mainGoMod("example.com/wa", "a/"));
        projectFiles.put("b/go.mod", mainGoMod("example.com/wb", "b/"));
    }

    /** @param dir where the go.mod goes, relative to the project, ending in a slash ("" for the project itself) */
    private String mainGoMod(String path, String dir) {
        List<ModuleVersion> roots = requirements("", 1 + rnd.nextInt(4));
        if (rnd.nextInt(10) == 0) {
            ModuleVersion twice = roots.get(0);
            roots.add(new ModuleVersion(twice.path(), pick(versions.get(twice.path()))));
        }
        StringBuilder b = new StringBuilder(goMod(path, goLine(), roots));
        if (rnd.nextInt(4) == 0) {
            for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
                String p = pick(paths);
                b.append("\nexclude ").append(p).append(' ').append(pick(versions.get(p))).append('\n');
            }
        }
        if (rnd.nextInt(3) == 0) {
            Set<ModuleVersion> replaced = new HashSet<>();
            for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
                b.append('\n').append(replaceLine(dir, replaced));
            }
        }
        return b.toString();
    }

    /** A replace directive for a random module; returns "" when it would repeat a replaced module. */
    private String replaceLine(String dir, Set<ModuleVersion> replaced) {
        String old = pick(paths);
        int kind = rnd.nextInt(4);
        boolean wildcard = kind == 2 || (kind == 3 && rnd.nextBoolean());
        ModuleVersion key = new ModuleVersion(old, wildcard ? "" : pick(versions.get(old)));
        if (!replaced.add(key)) {
            return "";
        }
        String left = wildcard ? old : old + " " + key.version();
        String right;
        if (kind == 1) {
            right = old + " " + pick(versions.get(old));
        } else if (kind == 3) {
            String local = "local/d" + localDirs++;
            String declared = rnd.nextInt(4) == 0 ? "example.com/elsewhere" : old;
            projectFiles.put(dir + local + "/go.mod", goMod(declared, goLine(), requirements(old, rnd.nextInt(3))));
            right = "./" + local;
        } else {
            String target = pick(paths);
            right = target + " " + pick(versions.get(target));
        }
        return "replace " + left + " => " + right + "\n";
    }

    /** Requirements on distinct random paths other than self, at random versions. */
    private List<ModuleVersion> requirements(String self, int count) {
        List<ModuleVersion> reqs = new ArrayList<>();
        Set<String> used = new HashSet<>(Set.of(self));
        for (int i = 0; i < count; i++) {
            String p = pick(paths);
            if (used.add(p)) {
                reqs.add(new ModuleVersion(p, pick(versions.get(p))));
            }
        }
        return reqs;
    }

    private String goLine() {
        return GO_LINES[rnd.nextInt(GO_LINES.length)];
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static String goMod(String path, String goLine, List<ModuleVersion> requirements) {
        StringBuilder b = new StringBuilder("module ").append(path).append('\n');
        if (!goLine.isEmpty()) {
            b.append("\ngo ").append(goLine).append('\n');
        }
        if (!requirements.isEmpty()) {
            b.append("\nrequire (\n");
            requirements.forEach(r -> b.append('\t').append(r.path()).append(' ').append(r.version()).append('\n'));
            b.append(")\n");
        }
        return b.toString();
    }
}
