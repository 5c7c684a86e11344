package dev.gosync.serve.vendor;

import static dev.gosync.serve.vendor.TestMirror.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Workspace mode, judged by the go command: in a directory tree with go.work files, and under each
 * {@code GOWORK} setting, {@code gosync vendor} vendors exactly when its go counterpart does — and
 * then writes the same tree — or refuses exactly when it refuses, changing nothing. The
 * counterpart is {@code go mod vendor}, except in the directory of the go.work in use, where
 * gosync vendors the workspace as {@code go work vendor} does there.
 *
 * <p>The tree: {@code ws/go.work} uses {@code ws/a} (which requires a module of the mirror) and
 * {@code ws/b}; {@code ws/self} holds both a go.mod and a go.work (using itself and {@code ../b}).
 */
class WorkspaceModeVendorGoCommandTest {
    private static final ModuleVersion PLAIN = new ModuleVersion("example.com/plain", "v1.0.0");

    @TempDir
    static Path tmp;
    static TestMirror mirror;
    static Map<String, String> tree;
    static GoSandbox go;

    @BeforeAll
    static void createMirror() throws IOException {
        mirror = TestMirror.create(tmp.resolve("mirror"));
        mirror.add("example.com/plain", "v1.0.0", files(
                "go.mod", "module example.com/plain\n\ngo 1.21\n",
                "plain.go", "package plain\n\n// P is here.\nconst P = 1\n",
                "LICENSE", "license\n"));
        String goSum = "example.com/plain v1.0.0 " + DirHash.hashZip(mirror.store().path(PLAIN, LayoutPath.Kind.ZIP))
                + "\nexample.com/plain v1.0.0/go.mod "
                + DirHash.hashGoMod(Files.readAllBytes(mirror.store().path(PLAIN, LayoutPath.Kind.MOD))) + "\n";
        go = GoSandbox.create(tmp.resolve("go")).set("GOPROXY", mirror.root().toUri().toString())
                .set("GOFLAGS", "-mod=readonly -modcacherw");
        String requirePlain = "\ngo 1.22\n\nrequire example.com/plain v1.0.0\n";
        tree = files(
                "ws/go.work", "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n",
                "ws/a/go.mod", "module example.com/a\n" + requirePlain,
                "ws/a/go.sum", goSum,
                "ws/a/a.go", "package a\n\nimport \"example.com/plain\"\n\n// A is here.\nconst A = plain.P\n",
                "ws/b/go.mod", "module example.com/b\n\ngo 1.22\n",
                "ws/b/b.go", "package b\n\n// B is here.\nconst B = 2\n",
                "ws/self/go.work", "go 1.22\n\nuse (\n\t.\n\t../b\n)\n",
                "ws/self/go.mod", "module example.com/self\n" + requirePlain,
                "ws/self/go.sum", goSum,
                "ws/self/self.go", "package self\n\nimport \"example.com/plain\"\n\n// S is here.\nconst S = plain.P\n",
                "ws/a/sub/sub.go", "package sub\n\nimport \"example.com/plain\"\n\n// U is here.\nconst U = plain.P\n",
                "solo/go.mod", "module example.com/solo\n" + requirePlain,
                "solo/go.sum", goSum,
                "solo/pkg/pkg.go", "package pkg\n\nimport \"example.com/plain\"\n\n// K is here.\nconst K = plain.P\n");
    }

    /**
     * @param dir    the project directory, relative to the tree
     * @param gowork the GOWORK value ({@code -} for unset; {@code ROOT} stands for the tree's absolute path)
     * @param goCmd  the go counterpart: {@code mod} or {@code work} vendor
     * @param outcome what the go command does, pinned so that both failing alike for another reason cannot pass
     */
    @ParameterizedTest(name = "{0} GOWORK={1}: {3} like go {2} vendor")
    @CsvSource({
        "ws/a,    -,                  mod, refuses",
        "ws/a,    auto,               mod, refuses",
        "ws/a,    off,                mod, vendors",
        "ws/a,    ROOT/ws/go.work,    mod, refuses",
        "ws/a,    ws/go.work,         mod, refuses",
        "ws/a,    ROOT/nowhere/go.work, mod, refuses",
        "ws,      -,                  work, vendors",
        "ws,      ROOT/ws/go.work,    work, vendors",
        "ws,      off,                mod, refuses",
        "ws/self, -,                  work, vendors",
        "ws/self, off,                mod, vendors",
        "ws/self, ROOT/ws/go.work,    mod, refuses",
        "solo/pkg, -,                 mod, vendors",
        "ws/a/sub, off,               mod, vendors",
        "ws/a/sub, -,                 mod, refuses",
    })
    void vendorsOrRefusesAsTheGoCommandDoes(String dir, String gowork, String goCmd, String outcome) throws IOException {
        String name = (dir + "-" + gowork).replaceAll("[^A-Za-z0-9.-]", "_");
        Path expected = tmp.resolve(name).resolve("expected");
        Path actual = tmp.resolve(name).resolve("actual");
        TestMirror.write(expected, tree);
        TestMirror.write(actual, tree);

        go.set("GOWORK", value(gowork, expected));
        ProcessResult byGo = go.go(expected.resolve(dir), goCmd, "vendor");
        assertEquals(outcome.equals("vendors"), byGo.succeeded(), byGo.stderr());

        SortedMap<String, String> before = TreeSnapshot.of(actual);
        GosyncException refusal = null;
        try {
            new Vendorer(mirror.store()).gowork(value(gowork, actual)).vendor(actual.resolve(dir));
        } catch (GosyncException e) {
            refusal = e;
        }

        if (byGo.succeeded()) {
            assertEquals(null, refusal, "the go command vendored; gosync refused");
            assertEquals(TreeSnapshot.of(expected), TreeSnapshot.of(actual));
            assertTrue(TreeSnapshot.of(actual).keySet().stream().anyMatch(f -> f.endsWith("vendor/modules.txt")));
        } else {
            assertTrue(refusal != null, "the go command refused (" + byGo.stderr().trim() + "); gosync vendored");
            assertEquals(before, TreeSnapshot.of(actual), "a refusal changes nothing");
            assertFalse(refusal.remedy() == null || refusal.remedy().isBlank(), "a remedy is given");
            for (String words : new String[] {"cannot be run in workspace mode", "not an absolute path"}) {
                assertEquals(byGo.stderr().contains(words), refusal.getMessage().contains(words),
                        "go: " + byGo.stderr() + "\ngosync: " + refusal.getMessage());
            }
            if (byGo.stderr().contains("cannot be run in workspace mode")) {
                assertTrue(refusal.remedy().contains("GOWORK=off"), refusal.remedy());
            }
        }
    }

    private static String value(String gowork, Path root) {
        return gowork.equals("-") ? null : gowork.replace("ROOT", root.toString());
    }
}
