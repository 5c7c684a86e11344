package dev.gosync.serve.vendor;

import static dev.gosync.serve.vendor.TestMirror.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Made-up projects vendored by gosync and by {@code go mod vendor} (or {@code go work vendor})
 * from the same mirror give the same {@code vendor/} tree, byte for byte, under every main go
 * version whose rules differ; where the project can build, it builds offline from the result.
 *
 * <p>The modules ({@link GeneratedModules}) cover: ignored and tagged Go files, OS/arch file
 * names, test files and testdata of dependencies, legal files above packages, embed patterns
 * (globs, directories, quoted names, {@code all:}, hidden files, test embeds, embeds of ignored
 * files), nested modules, replacements of every kind, an explicit requirement without packages,
 * a module without go.mod or go line, tools, cgo, C and assembly files.
 */
class GeneratedProjectsVendorGoCommandTest {
    @TempDir
    static Path tmp;
    static TestMirror mirror;
    static GoSandbox go;
    static GoSandbox readonly;

    @BeforeAll
    static void createMirror() {
        mirror = TestMirror.create(tmp.resolve("mirror"));
        GeneratedModules.addTo(mirror);
        go = GoSandbox.create(tmp.resolve("sandbox")).set("GOPROXY", mirror.root().toUri().toString());
        readonly = GoSandbox.create(tmp.resolve("readonly")).set("GOPROXY", mirror.root().toUri().toString())
                .set("GOFLAGS", "-mod=readonly -modcacherw");
    }

    static Map<String, String> project(String goLine, String extraGoMod) {
        Map<String, String> f = new LinkedHashMap<>(files(
                "go.mod", "module example.com/project\n\n" + goLine
                        + "require (\n"
                        + "\texample.com/dep v1.0.0\n"
                        + "\texample.com/legacy v1.0.0\n"
                        + "\texample.com/loc v0.0.0\n"
                        + "\texample.com/nest v1.0.0\n"
                        + "\texample.com/nest/inner v1.0.0\n"
                        + "\texample.com/nopkgs v1.0.0\n"
                        + "\texample.com/old v1.0.0\n"
                        + "\texample.com/testonly v1.0.0\n"
                        + "\texample.com/ver v1.0.0\n"
                        + "\texample.com/xtestonly v1.0.0\n"
                        + ")\n\n"
                        + "require (\n"
                        + "\texample.com/indirect v1.0.0 // indirect\n"
                        + "\texample.com/tagdep v1.0.0 // indirect\n"
                        + ")\n\n"
                        + "exclude example.com/ver v0.9.0\n\n"
                        + "replace example.com/old v1.0.0 => example.com/new v1.1.0\n\n"
                        + "replace example.com/ver v1.0.0 => example.com/ver v1.1.0\n\n"
                        + "replace example.com/loc => ./local/loc\n\n"
                        + "replace example.com/unused => example.com/dep v1.0.0\n\n"
                        + "replace example.com/unusedver v1.2.3 => ./local/unused\n"
                        + extraGoMod,
                "main.go", "package main\n\nimport (\n\t\"fmt\"\n\n"
                        + "\t\"example.com/dep\"\n\t\"example.com/dep/deep/inner/pkg\"\n\t\"example.com/dep/emb\"\n"
                        + "\t\"example.com/dep/sub\"\n\t\"example.com/legacy\"\n\t\"example.com/loc\"\n"
                        + "\t\"example.com/nest\"\n\t\"example.com/nest/inner\"\n\t\"example.com/old\"\n"
                        + "\t\"example.com/project/internal/util\"\n\t\"example.com/ver\"\n)\n\n"
                        + "func main() {\n\tfmt.Println(dep.Hello(), pkg.P, emb.F, sub.Sub, legacy.L, loc.Loc, nest.Nest, "
                        + "inner.Inner, old.Old, util.U, ver.V)\n}\n",
                "main_test.go", "package main\n\nimport (\n\t\"testing\"\n\n\t\"example.com/testonly\"\n)\n\n"
                        + "func TestOnly(t *testing.T) { _ = testonly.T }\n",
                "x_test.go", "package main_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/xtestonly\"\n)\n\n"
                        + "func TestX(t *testing.T) { _ = xtestonly.X }\n",
                "internal/util/util.go", "package util\n\n// U is here.\nconst U = \"u\"\n",
                "testdata/x.go", "package x\n\nimport _ \"example.com/notinmirror\"\n",
                "_skip/x.go", "package x\n\nimport _ \"example.com/notinmirror\"\n",
                ".hidden/x.go", "package x\n\nimport _ \"example.com/notinmirror\"\n",
                "innermod/go.mod", "module example.com/project/innermod\n\ngo 1.21\n",
                "innermod/x.go", "package x\n\nimport _ \"example.com/notinmirror\"\n",
                "local/loc/go.mod", "module example.com/loc\n\ngo 1.20\n",
                "local/loc/loc.go", "package loc\n\n// Loc is here.\nconst Loc = \"loc\"\n",
                "local/loc/LICENSE", "loc licence\n",
                "local/loc/loc_test.go", "package loc\n",
                "local/loc/sub/data.txt", "not a package\n"));
        return f;
    }

    @Test
    void go121ProjectWithEveryKindOfDependency() throws IOException {
        Path project = assertVendorsLikeGo("go121", project("go 1.21\n\n", ""));
        Path dep = project.resolve("vendor/example.com/dep");
        assertTrue(Files.exists(dep.resolve("emb/testfiles/t.txt")), "test embeds are vendored below go 1.22");
        assertTrue(Files.exists(dep.resolve("emb/ignoreddir/f.txt")), "embeds of ignored files are vendored");
        assertTrue(Files.exists(dep.resolve("deep/COPYING")), "legal files above a package are vendored");
        assertFalse(Files.exists(dep.resolve("ignored.go")), "files only built with the ignore tag are not");
        assertFalse(Files.exists(dep.resolve("go.mod")), "go.mod is not vendored from go 1.17");
        assertFalse(Files.exists(project.resolve("vendor/example.com/nopkgs")));
        assertBuildsOffline(project);
    }

    @Test
    void go116ProjectKeepsGoModFilesTestEmbedsAndHasNoGoAnnotations() throws IOException {
        Path project = assertVendorsLikeGo("go116", project("go 1.16\n\n", ""));
        assertTrue(Files.exists(project.resolve("vendor/example.com/dep/go.mod")));
        assertTrue(Files.exists(project.resolve("vendor/example.com/dep/go.sum")));
        assertFalse(Files.readString(project.resolve("vendor/modules.txt")).contains("; go 1."));
        assertBuildsOffline(project);
    }

    @Test
    void go113ProjectHasNoAnnotationsAndNoReplaceLines() throws IOException {
        Path project = assertVendorsLikeGo("go113", project("go 1.13\n\n", ""));
        String modulesTxt = Files.readString(project.resolve("vendor/modules.txt"));
        assertFalse(modulesTxt.contains("## explicit"), modulesTxt);
        assertFalse(modulesTxt.contains("example.com/unused"), modulesTxt);
    }

    @Test
    void go122ProjectVendorsOnlyNonTestEmbeds() throws IOException {
        Path project = assertVendorsLikeGo("go122", project("go 1.22\n\n", ""));
        Path emb = project.resolve("vendor/example.com/dep/emb");
        assertTrue(Files.exists(emb.resolve("static/sub/y.txt")));
        assertFalse(Files.exists(emb.resolve("testfiles")));
        assertFalse(Files.exists(emb.resolve("xtestfiles")));
    }

    @Test
    void go126ProjectWithToolAndIgnoreDirectives() throws IOException {
        Map<String, String> f = project("go 1.26\n\n", "\nrequire example.com/toolmod v1.0.0\n\n"
                + "tool example.com/toolmod/cmd/tool\n\nignore ./ignored\n");
        f.put("ignored/x.go", "package x\n\nimport _ \"example.com/notinmirror\"\n");
        Path project = assertVendorsLikeGo("go126", f);
        assertBuildsOffline(project);
    }

    @Test
    void projectWithoutGoLineHasNoAnnotations() throws IOException {
        Path project = assertVendorsLikeGo("nogoline", files(
                "go.mod", "module example.com/project\n\nrequire example.com/nest/inner v1.0.0\n",
                "main.go", "package main\n\nimport _ \"example.com/nest/inner\"\n\nfunc main() {}\n"));
        assertEquals("# example.com/nest/inner v1.0.0\nexample.com/nest/inner\n",
                Files.readString(project.resolve("vendor/modules.txt")));
    }

    @Test
    void mainModulePathWithoutDotStillProvidesItsOwnPackages() throws IOException {
        assertVendorsLikeGo("dotless", files(
                "go.mod", "module project\n\ngo 1.21\n\nrequire example.com/nest/inner v1.0.0\n",
                "main.go", "package main\n\nimport (\n\t_ \"example.com/nest/inner\"\n\t_ \"project/internal/util\"\n)\n\n"
                        + "func main() {}\n",
                "internal/util/util.go", "package util\n\nimport _ \"strings\"\n"));
    }

    @Test
    void symbolicLinksInADirectoryReplacementAreReadButNotCopied() throws IOException {
        Map<String, String> f = files(
                "go.mod", "module example.com/project\n\ngo 1.21\n\nrequire example.com/loc v0.0.0\n\n"
                        + "replace example.com/loc => ./local/loc\n",
                "main.go", "package main\n\nimport _ \"example.com/loc\"\n\nfunc main() {}\n",
                "local/loc/go.mod", "module example.com/loc\n\ngo 1.20\n",
                "local/loc/real.txt", "real\n",
                "local/elsewhere/other.go", "package loc\n\nimport _ \"example.com/nest/inner\"\n");
        // Only a linked Go file makes the directory a package, and its import must be followed.
        Map<String, String> withLinks = new LinkedHashMap<>(f);
        withLinks.put("go.mod", f.get("go.mod").replace("require example.com/loc v0.0.0\n",
                "require (\n\texample.com/loc v0.0.0\n\texample.com/nest/inner v1.0.0\n)\n"));
        Path project = assertVendorsLikeGo("links", withLinks, false, dir -> {
            Files.createSymbolicLink(dir.resolve("local/loc/linked.go"), dir.resolve("local/elsewhere/other.go"));
            Files.createSymbolicLink(dir.resolve("local/loc/LICENSE"), dir.resolve("local/loc/real.txt"));
        });
        assertTrue(Files.exists(project.resolve("vendor/example.com/nest/inner/inner.go")), "imports of linked files count");
        assertFalse(Files.exists(project.resolve("vendor/example.com/loc/linked.go")), "links are not copied");
    }

    @Test
    void projectWithoutDependenciesGetsNoVendorDirectory() throws IOException {
        Path project = assertVendorsLikeGo("nodeps", files(
                "go.mod", "module example.com/project\n\ngo 1.21\n",
                "main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n"));
        assertFalse(Files.exists(project.resolve("vendor")));
    }

    @Test
    void cgoCAndAssemblyFilesAreCopied() throws IOException {
        Path project = assertVendorsLikeGo("cgo", cgoProject(), false);
        assertTrue(Files.exists(project.resolve("vendor/example.com/cgodep/cfile.c")));
        assertFalse(Files.exists(project.resolve("vendor/example.com/cgodep/cgoembed")), "cgo is off");
    }

    @Test
    void withCgoEnabledEmbedsOfCgoFilesAreCopied() throws IOException {
        Path project = assertVendorsLikeGo("cgo-enabled", cgoProject(), true);
        assertTrue(Files.exists(project.resolve("vendor/example.com/cgodep/cgoembed/c.txt")));
    }

    private static Map<String, String> cgoProject() {
        return files(
                "go.mod", "module example.com/project\n\ngo 1.21\n\nrequire example.com/cgodep v1.0.0\n",
                "main.go", "package main\n\nimport _ \"example.com/cgodep\"\n\nfunc main() {}\n");
    }

    @Test
    void workspaceVendorsEveryModuleAndMarksTheWorkspace() throws IOException {
        Path project = assertVendorsLikeGo("workspace", files(
                "go.work", "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n\nreplace example.com/ver v1.0.0 => example.com/ver v1.1.0\n\n"
                        + "replace example.com/workonly => ./b\n",
                "a/go.mod", "module example.com/a\n\ngo 1.22\n\nrequire (\n\texample.com/dep v1.0.0\n\texample.com/loc v0.0.0\n)\n\n"
                        + "require (\n\texample.com/indirect v1.0.0 // indirect\n\texample.com/tagdep v1.0.0 // indirect\n)\n\n"
                        + "replace example.com/unused => example.com/dep v1.0.0\n\n"
                        + "replace example.com/loc => ./local/loc\n",
                "a/a.go", "package a\n\nimport (\n\t\"example.com/dep\"\n\t\"example.com/loc\"\n)\n\n"
                        + "// A is here.\nvar A = dep.Hello() + loc.Loc\n",
                "a/local/loc/go.mod", "module example.com/loc\n\ngo 1.20\n",
                "a/local/loc/loc.go", "package loc\n\n// Loc is here.\nconst Loc = \"loc\"\n",
                "b/go.mod", "module example.com/b\n\ngo 1.21\n\nrequire (\n\texample.com/nest/inner v1.0.0\n"
                        + "\texample.com/ver v1.0.0\n)\n",
                "b/b.go", "package b\n\nimport (\n\t\"example.com/a\"\n\t\"example.com/nest/inner\"\n\t\"example.com/ver\"\n)\n\n"
                        + "// B is here.\nvar B = a.A + inner.Inner + ver.V\n"));
        GoSandbox offline = GoSandbox.create(tmp.resolve("workspace-offline")).set("GOPROXY", "off").set("GOFLAGS", "-mod=vendor");
        offline.goOk(project, "build", "./a/...", "./b/...");
    }

    /**
     * Vendors the project with the go command, then with gosync on a copy, and compares the two
     * vendor trees. go.sum comes from {@code go mod download all} on a scratch copy (which may
     * also add a go line to go.mod, so that copy is thrown away); vendoring then runs with
     * {@code -mod=readonly}, so the go.mod both vendor from is the one written here.
     *
     * @return the project gosync vendored
     */
    private static Path assertVendorsLikeGo(String name, Map<String, String> projectFiles) throws IOException {
        return assertVendorsLikeGo(name, projectFiles, false);
    }

    /** As {@link #assertVendorsLikeGo(String, Map)}, with cgo enabled or not for both. */
    private static Path assertVendorsLikeGo(String name, Map<String, String> projectFiles, boolean cgo) throws IOException {
        return assertVendorsLikeGo(name, projectFiles, cgo, dir -> { });
    }

    /** Something to do to each copy of the project after its files are written. */
    private interface Setup {
        void apply(Path projectDir) throws IOException;
    }

    private static Path assertVendorsLikeGo(String name, Map<String, String> projectFiles, boolean cgo, Setup setup)
            throws IOException {
        Path scratch = tmp.resolve(name).resolve("scratch");
        TestMirror.write(scratch, projectFiles);
        setup.apply(scratch);
        go.goOk(scratch, "mod", "download", "all");
        Path expected = tmp.resolve(name).resolve("expected");
        TestMirror.write(expected, projectFiles);
        setup.apply(expected);
        for (String sum : new String[] {"go.sum", "a/go.sum", "b/go.sum", "go.work.sum"}) {
            if (Files.exists(scratch.resolve(sum))) {
                Files.copy(scratch.resolve(sum), expected.resolve(sum));
            }
        }
        boolean workspace = projectFiles.containsKey("go.work");
        readonly.set("CGO_ENABLED", cgo ? "1" : "0");
        try {
            readonly.goOk(expected, workspace ? "work" : "mod", "vendor");
        } finally {
            readonly.set("CGO_ENABLED", "0");
        }
        Path actual = tmp.resolve(name).resolve("actual");
        TestMirror.write(actual, projectFiles);
        setup.apply(actual);
        for (String sum : new String[] {"go.sum", "a/go.sum", "b/go.sum", "go.work.sum"}) {
            if (Files.exists(expected.resolve(sum))) {
                Files.copy(expected.resolve(sum), actual.resolve(sum));
            }
        }

        VendorResult result = new Vendorer(mirror.store()).cgoEnabled(cgo).vendor(actual);

        assertEquals(TreeSnapshot.of(expected.resolve("vendor")), TreeSnapshot.of(actual.resolve("vendor")));
        Path modulesTxt = expected.resolve("vendor/modules.txt");
        assertEquals(Files.exists(modulesTxt) ? Files.readString(modulesTxt) : "", result.modulesTxt());
        if (projectFiles.containsKey("go.mod")) {
            assertEquals(projectFiles.get("go.mod"), Files.readString(expected.resolve("go.mod")), "the go command kept go.mod");
        }
        return actual;
    }

    private static void assertBuildsOffline(Path project) {
        GoSandbox offline = GoSandbox.create(project.resolveSibling("offline-sandbox"))
                .set("GOPROXY", "off").set("GOFLAGS", "-mod=vendor");
        offline.goOk(project, "build", "./...");
        offline.goOk(project, "vet", "./...");
    }
}
