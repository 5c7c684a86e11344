package dev.gosync.serve.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.fixtures.FileTrees;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Random module universes and projects, vendored by the go command and by gosync: the trees are
 * equal, or both refuse. Each try draws a few modules with packages at several depths, legal files
 * at several levels, ignored, tagged, test and data files, embeds, imports between them, a main
 * module at a random go version whose packages and tests import some of them, and directory
 * replacements. Shrinking is off: every try runs the go command.
 */
class RandomProjectsVendorGoCommandTest {
    private static final String[] MAIN_GO = {"1.16", "1.17", "1.21", "1.22", "1.26"};
    private static final String[] MODULE_GO = {"", "go 1.16\n", "go 1.20\n"};
    private static final String[] PACKAGE_DIRS = {"", "a", "a/b", "c", "c/d/e"};
    private static final String[] LEGAL = {"LICENSE", "COPYING.txt", "NOTICE", "PATENTS", "README"};

    @Property(tries = 15, shrinking = ShrinkingMode.OFF)
    void randomProjectsVendorAsTheGoCommandVendorsThem(@ForAll long seed) throws IOException {
        Path tmp = Files.createTempDirectory("gosync-random-vendor");
        try {
            run(new Random(seed), tmp);
        } finally {
            FileTrees.delete(tmp);
        }
    }

    private record Module(String path, List<String> packages) {
    }

    private static void run(Random random, Path tmp) throws IOException {
        TestMirror mirror = TestMirror.create(tmp.resolve("mirror"));
        int moduleCount = 1 + random.nextInt(4);
        List<Module> modules = new ArrayList<>();
        for (int i = 0; i < moduleCount; i++) {
            List<String> dirs = new ArrayList<>();
            for (String d : PACKAGE_DIRS) {
                if (dirs.isEmpty() || random.nextInt(3) == 0) {
                    dirs.add(d);
                }
            }
            String path = "example.com/r" + i;
            modules.add(new Module(path, dirs.stream().map(d -> d.isEmpty() ? path : path + "/" + d).toList()));
        }
        Map<String, Map<String, String>> moduleFiles = new LinkedHashMap<>();
        for (int i = 0; i < moduleCount; i++) {
            Module m = modules.get(i);
            Map<String, String> files = new LinkedHashMap<>();
            files.put("go.mod", "module " + m.path() + "\n\n" + MODULE_GO[random.nextInt(MODULE_GO.length)]);
            for (String pkg : m.packages()) {
                String dir = pkg.equals(m.path()) ? "" : pkg.substring(m.path().length() + 1);
                List<String> imports = new ArrayList<>();
                for (int j = i + 1; j < moduleCount; j++) {
                    for (String other : modules.get(j).packages()) {
                        if (random.nextInt(4) == 0) {
                            imports.add(other);
                        }
                    }
                }
                packageFiles(random, files, dir, imports);
            }
            for (String legal : LEGAL) {
                if (random.nextInt(3) == 0) {
                    files.put(PACKAGE_DIRS[random.nextInt(PACKAGE_DIRS.length)].isEmpty() ? legal
                            : PACKAGE_DIRS[random.nextInt(PACKAGE_DIRS.length - 1) + 1] + "/" + legal, legal + " of " + m.path() + "\n");
                }
            }
            moduleFiles.put(m.path(), files);
            mirror.add(m.path(), "v1.0.0", files);
        }

        Map<String, String> project = new LinkedHashMap<>();
        String goVersion = MAIN_GO[random.nextInt(MAIN_GO.length)];
        StringBuilder goMod = new StringBuilder("module example.com/main\n\ngo " + goVersion + "\n\nrequire (\n");
        modules.forEach(m -> goMod.append('\t').append(m.path()).append(" v1.0.0").append(random.nextBoolean() ? " // indirect" : "").append('\n'));
        goMod.append(")\n");
        for (Module m : modules) {
            if (random.nextInt(4) == 0) {
                String local = "local/" + m.path().substring(m.path().lastIndexOf('/') + 1);
                goMod.append("\nreplace ").append(m.path()).append(" => ./").append(local).append('\n');
                moduleFiles.get(m.path()).forEach((name, content) -> project.put(local + "/" + name, content));
            }
        }
        project.put("go.mod", goMod.toString());
        List<String> mainImports = new ArrayList<>();
        List<String> testImports = new ArrayList<>();
        for (Module m : modules) {
            for (String pkg : m.packages()) {
                int r = random.nextInt(4);
                if (r == 0) {
                    mainImports.add(pkg);
                } else if (r == 1) {
                    testImports.add(pkg);
                }
            }
        }
        project.put("main.go", goFile("main", mainImports) + "\nfunc main() {}\n");
        project.put("main_test.go", goFile("main", testImports));
        if (random.nextBoolean()) {
            project.put("internal/x/x.go", goFile("x", List.of(modules.get(random.nextInt(moduleCount)).packages().get(0))));
        }

        assertSameVendorTree(tmp, mirror, project);
    }

    /** A package directory: its Go file, sometimes ignored, tagged, test, data and embedded files. */
    private static void packageFiles(Random random, Map<String, String> files, String dir, List<String> imports) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        String name = "p" + Math.abs(dir.hashCode() % 100);
        files.put(prefix + name + ".go", goFile(name, imports));
        if (random.nextBoolean()) {
            files.put(prefix + "ignored.go", "//go:build ignore\n\npackage main\n\nimport _ \"example.com/nowhere\"\n");
        }
        if (random.nextBoolean()) {
            files.put(prefix + name + "_windows.go", "//go:build windows && customtag\n\npackage " + name + "\n");
        }
        if (random.nextBoolean()) {
            files.put(prefix + name + "_test.go", "package " + name + "\n\nimport _ \"example.com/nowhere\"\n");
        }
        if (random.nextBoolean()) {
            files.put(prefix + "data.json", "{}\n");
        }
        if (random.nextBoolean()) {
            files.put(prefix + "testdata/t.txt", "t\n");
        }
        if (random.nextBoolean()) {
            files.put(prefix + "embed.go", "package " + name + "\n\nimport \"embed\"\n\n//go:embed static\nvar static embed.FS\n");
            files.put(prefix + "static/s.txt", "s\n");
            files.put(prefix + "static/.h", "hidden\n");
            if (random.nextBoolean()) {
                files.put(prefix + "static/deeper/LICENSE", "embedded licence\n");
            }
        }
        if (random.nextBoolean()) {
            files.put(prefix + "embed_test.go", "package " + name + "\n\nimport \"embed\"\n\n//go:embed testonly.txt\nvar t embed.FS\n");
            files.put(prefix + "testonly.txt", "t\n");
        }
    }

    private static String goFile(String pkg, List<String> imports) {
        StringBuilder s = new StringBuilder("package " + pkg + "\n");
        if (!imports.isEmpty()) {
            s.append("\nimport (\n");
            imports.forEach(i -> s.append("\t_ \"").append(i).append("\"\n"));
            s.append(")\n");
        }
        return s.toString();
    }

    private static void assertSameVendorTree(Path tmp, TestMirror mirror, Map<String, String> project) throws IOException {
        GoSandbox go = GoSandbox.create(tmp.resolve("sandbox")).set("GOPROXY", mirror.root().toUri().toString());
        Path scratch = tmp.resolve("scratch");
        TestMirror.write(scratch, project);
        go.goOk(scratch, "mod", "download", "all");
        Path expected = tmp.resolve("expected");
        TestMirror.write(expected, project);
        if (Files.exists(scratch.resolve("go.sum"))) {
            Files.copy(scratch.resolve("go.sum"), expected.resolve("go.sum"));
        }
        Path actual = tmp.resolve("actual");
        FileTrees.copy(expected, actual);

        go.set("GOFLAGS", "-mod=readonly -modcacherw");
        ProcessResult goRun = go.go(expected, "mod", "vendor");
        String ours;
        try {
            new Vendorer(mirror.store()).cgoEnabled(false).vendor(actual);
            ours = "ok";
        } catch (VendorException e) {
            ours = "refused: " + e.getMessage();
        }
        Statistics.label("go mod vendor").collect(goRun.succeeded() ? "succeeded" : "refused");
        Statistics.label("vendor/").collect(Files.exists(expected.resolve("vendor")) ? "written" : "none");
        String context = project.toString() + "\ngo: " + goRun.stderr() + "\ngosync: " + ours;
        assertEquals(goRun.succeeded(), ours.equals("ok"), context);
        assertEquals(TreeSnapshot.of(expected.resolve("vendor")), TreeSnapshot.of(actual.resolve("vendor")), context);
    }
}
