package dev.gosync.serve.vendor;

import static dev.gosync.serve.vendor.TestMirror.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.GoToolchain;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendoring refuses what the go command refuses, with an error naming the module, version and
 * problem and a remedy, and changes nothing in the project: its old {@code vendor/} stays as it
 * was and no staging directory is left behind.
 */
class VendorRefusalTest {
    private static final ModuleVersion PLAIN = new ModuleVersion("example.com/plain", "v1.0.0");
    private static final String OTHER_HASH = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @TempDir
    static Path tmp;
    static TestMirror mirror;

    @TempDir
    Path project;

    @BeforeAll
    static void createMirror() {
        mirror = TestMirror.create(tmp.resolve("mirror"));
        mirror.add("example.com/plain", "v1.0.0", files(
                "go.mod", "module example.com/plain\n\ngo 1.21\n",
                "plain.go", "package plain\n"));
        mirror.add("example.com/Case", "v1.0.0", files(
                "go.mod", "module example.com/Case\n\ngo 1.21\n",
                "c.go", "package c\n"));
        mirror.add("example.com/case", "v1.0.0", files(
                "go.mod", "module example.com/case\n\ngo 1.21\n",
                "c.go", "package c\n"));
        mirror.add("example.com/amb", "v1.0.0", files(
                "go.mod", "module example.com/amb\n\ngo 1.21\n",
                "sub/sub.go", "package sub\n"));
        mirror.add("example.com/amb/sub", "v1.0.0", files(
                "go.mod", "module example.com/amb/sub\n\ngo 1.21\n",
                "sub.go", "package sub\n"));
    }

    private static String zipSum(ModuleVersion mv) {
        return DirHash.hashZip(mirror.store().path(mv, LayoutPath.Kind.ZIP));
    }

    private static String goModSum(ModuleVersion mv) throws IOException {
        return DirHash.hashGoMod(Files.readAllBytes(mirror.store().path(mv, LayoutPath.Kind.MOD)));
    }

    private void writeProject(String requires, String imports, String goSum) throws IOException {
        TestMirror.write(project, files(
                "go.mod", "module example.com/project\n\ngo 1.21\n\nrequire (\n" + requires + ")\n",
                "main.go", "package main\n\nimport (\n" + imports + ")\n\nfunc main() {}\n",
                "go.sum", goSum,
                "vendor/modules.txt", "# example.com/old v0.1.0\n## explicit\nexample.com/old\n",
                "vendor/example.com/old/old.go", "package old\n"));
    }

    private String plainSum(String zipHash) throws IOException {
        return "example.com/plain v1.0.0 " + zipHash + "\nexample.com/plain v1.0.0/go.mod " + goModSum(PLAIN) + "\n";
    }

    /** Runs the vendorer expecting a refusal, and checks that the project did not change. */
    private <T extends VendorException> T assertRefused(Class<T> type) throws IOException {
        SortedMap<String, String> before = TreeSnapshot.of(project);
        T e = assertThrows(type, () -> new Vendorer(mirror.store()).vendor(project));
        assertEquals(before, TreeSnapshot.of(project), "the project is unchanged");
        assertTrue(e.remedy() != null && !e.remedy().isEmpty(), "a remedy is given");
        return e;
    }

    @Test
    void zipHashDifferentFromGoSumIsRefusedNamingModuleAndBothHashes() throws IOException {
        writeProject("\texample.com/plain v1.0.0\n", "\t_ \"example.com/plain\"\n", plainSum(OTHER_HASH));

        ChecksumMismatchException e = assertRefused(ChecksumMismatchException.class);

        assertEquals(PLAIN, e.module());
        assertEquals(zipSum(PLAIN), e.mirrorHash());
        assertEquals(OTHER_HASH, e.goSumHash());
        assertTrue(e.getMessage().contains("example.com/plain@v1.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains(OTHER_HASH) && e.getMessage().contains(zipSum(PLAIN)), e.getMessage());
    }

    @Test
    void goModHashDifferentFromGoSumIsRefused() throws IOException {
        writeProject("\texample.com/plain v1.0.0\n", "\t_ \"example.com/plain\"\n",
                "example.com/plain v1.0.0 " + zipSum(PLAIN) + "\nexample.com/plain v1.0.0/go.mod " + OTHER_HASH + "\n");

        ChecksumMismatchException e = assertRefused(ChecksumMismatchException.class);

        assertTrue(e.getMessage().contains("example.com/plain@v1.0.0/go.mod"), e.getMessage());
        assertEquals(OTHER_HASH, e.goSumHash());
    }

    @Test
    void moduleMissingFromTheMirrorIsNamedWithARemedy() throws IOException {
        writeProject("\texample.com/absent v1.2.3\n", "\t_ \"example.com/absent\"\n",
                "example.com/absent v1.2.3 " + OTHER_HASH + "\nexample.com/absent v1.2.3/go.mod " + OTHER_HASH + "\n");

        VendorException e = assertRefused(VendorException.class);

        assertTrue(e.getMessage().contains("example.com/absent@v1.2.3"), e.getMessage());
        assertTrue(e.getMessage().contains(mirror.store().describe()), e.getMessage());
        assertTrue(e.remedy().contains("gosync export"), e.remedy());
    }

    @Test
    void zipWithoutGoSumLineIsRefused() throws IOException {
        writeProject("\texample.com/plain v1.0.0\n", "\t_ \"example.com/plain\"\n",
                "example.com/plain v1.0.0/go.mod " + goModSum(PLAIN) + "\n");

        VendorException e = assertRefused(VendorException.class);

        assertTrue(e.getMessage().contains("missing go.sum entry for module example.com/plain@v1.0.0"), e.getMessage());
    }

    @Test
    void goModWithoutGoSumLineIsRefusedLikeTheGoCommandRefusesIt() throws IOException {
        GoToolchain.require();
        writeProject("\texample.com/plain v1.0.0\n", "\t_ \"example.com/plain\"\n",
                "example.com/plain v1.0.0 " + zipSum(PLAIN) + "\n");
        GoSandbox go = GoSandbox.create(Files.createTempDirectory(tmp, "sandbox"))
                .set("GOPROXY", mirror.root().toUri().toString()).set("GOFLAGS", "-modcacherw");

        VendorException e = assertRefused(VendorException.class);
        ProcessResult goResult = go.go(project, "mod", "vendor");

        assertFalse(goResult.succeeded(), "go mod vendor refuses too: " + goResult.describe());
        assertTrue(goResult.stderr().contains("missing go.sum entry for go.mod file"), goResult.stderr());
        assertTrue(e.getMessage().contains("missing go.sum entry for go.mod file of example.com/plain@v1.0.0"),
                e.getMessage());
    }

    @Test
    void importProvidedByTwoModulesIsAmbiguous() throws IOException {
        ModuleVersion amb = new ModuleVersion("example.com/amb", "v1.0.0");
        ModuleVersion sub = new ModuleVersion("example.com/amb/sub", "v1.0.0");
        writeProject("\texample.com/amb v1.0.0\n\texample.com/amb/sub v1.0.0\n", "\t_ \"example.com/amb/sub\"\n",
                "example.com/amb v1.0.0 " + zipSum(amb) + "\nexample.com/amb v1.0.0/go.mod " + goModSum(amb) + "\n"
                        + "example.com/amb/sub v1.0.0 " + zipSum(sub) + "\nexample.com/amb/sub v1.0.0/go.mod " + goModSum(sub) + "\n");

        VendorException e = assertRefused(VendorException.class);

        assertTrue(e.getMessage().contains("ambiguous import: found package example.com/amb/sub in multiple modules"),
                e.getMessage());
    }

    @Test
    void importNoModuleProvidesIsNamedWithItsImporter() throws IOException {
        writeProject("\texample.com/plain v1.0.0\n", "\t_ \"example.com/plain/nothere\"\n", plainSum(zipSum(PLAIN)));

        VendorException e = assertRefused(VendorException.class);

        assertTrue(e.getMessage().contains("example.com/project imports\n\texample.com/plain/nothere: "
                + "no required module provides package example.com/plain/nothere"), e.getMessage());
    }

    @Test
    void modulePathsDifferingOnlyInCaseCannotBothBeVendored() throws IOException {
        ModuleVersion upper = new ModuleVersion("example.com/Case", "v1.0.0");
        ModuleVersion lower = new ModuleVersion("example.com/case", "v1.0.0");
        writeProject("\texample.com/Case v1.0.0\n\texample.com/case v1.0.0\n",
                "\t_ \"example.com/Case\"\n\t_ \"example.com/case\"\n",
                "example.com/Case v1.0.0 " + zipSum(upper) + "\nexample.com/Case v1.0.0/go.mod " + goModSum(upper) + "\n"
                        + "example.com/case v1.0.0 " + zipSum(lower) + "\nexample.com/case v1.0.0/go.mod " + goModSum(lower) + "\n");

        VendorException e = assertRefused(VendorException.class);

        assertTrue(e.getMessage().contains("case-insensitive import collision"), e.getMessage());
    }

    @Test
    void replacementInsideVendorIsRefused() throws IOException {
        writeProject("\texample.com/plain v1.0.0\n", "\t_ \"example.com/plain\"\n", plainSum(zipSum(PLAIN)));
        Files.writeString(project.resolve("go.mod"), Files.readString(project.resolve("go.mod"))
                + "\nreplace example.com/plain => ./vendor/example.com/old\n");
        TestMirror.write(project, Map.of("vendor/example.com/old/go.mod", "module example.com/plain\n"));

        VendorException e = assertRefused(VendorException.class);

        assertTrue(e.getMessage().contains("replacement path ./vendor/example.com/old inside vendor directory"), e.getMessage());
    }

    @Test
    void successReplacesTheOldVendorDirectoryAndLeavesNoStagingBehind() throws IOException {
        writeProject("\texample.com/plain v1.0.0\n", "\t_ \"example.com/plain\"\n", plainSum(zipSum(PLAIN)));

        new Vendorer(mirror.store()).vendor(project);

        assertFalse(Files.exists(project.resolve("vendor/example.com/old")));
        assertEquals("# example.com/plain v1.0.0\n## explicit; go 1.21\nexample.com/plain\n",
                Files.readString(project.resolve("vendor/modules.txt")));
        try (var entries = Files.list(project)) {
            assertEquals(java.util.Set.of("go.mod", "go.sum", "main.go", "vendor"),
                    entries.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void projectWithoutDependenciesLosesItsOldVendorDirectory() throws IOException {
        writeProject("", "\t\"fmt\"\n", "");
        Files.writeString(project.resolve("go.mod"), "module example.com/project\n\ngo 1.21\n");
        Files.writeString(project.resolve("main.go"), "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n");

        VendorResult result = new Vendorer(mirror.store()).vendor(project);

        assertTrue(result.nothingToVendor());
        assertFalse(Files.exists(project.resolve("vendor")), "go mod vendor removes vendor/ too");
    }
}
