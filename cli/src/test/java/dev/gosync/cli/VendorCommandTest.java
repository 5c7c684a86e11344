package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.RevInfo;
import dev.gosync.gomod.zip.ModuleZips;
import dev.gosync.gomod.zip.ZipSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorCommandTest {
    private static final ModuleVersion GREET = new ModuleVersion("example.com/greet", "v1.0.0");
    private static final String GO_MOD = "module example.com/greet\n\ngo 1.21\n";

    @TempDir
    Path tmp;
    Path mirror;
    Path project;

    @BeforeEach
    void mirrorAndProject() throws IOException {
        LayoutStore store = LayoutStore.create(tmp.resolve("mirror"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ModuleZips.create(GREET, List.of(ZipSource.of("go.mod", GO_MOD.getBytes(StandardCharsets.UTF_8)),
                ZipSource.of("greet.go", "package greet\n".getBytes(StandardCharsets.UTF_8)),
                ZipSource.of("LICENSE", "licence\n".getBytes(StandardCharsets.UTF_8))), zip);
        try (LayoutStore.Transaction tx = store.begin()) {
            tx.put(GREET, LayoutPath.Kind.INFO, new ByteArrayInputStream(new RevInfo("v1.0.0", "2024-01-01T00:00:00Z", null).toJson()));
            tx.put(GREET, LayoutPath.Kind.MOD, new ByteArrayInputStream(GO_MOD.getBytes(StandardCharsets.UTF_8)));
            tx.put(GREET, LayoutPath.Kind.ZIP, new ByteArrayInputStream(zip.toByteArray()));
            tx.commit();
        }
        mirror = store.root();
        project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("go.mod"), "module example.com/app\n\ngo 1.22\n\nrequire example.com/greet v1.0.0\n");
        Files.writeString(project.resolve("main.go"), "package main\n\nimport _ \"example.com/greet\"\n\nfunc main() {}\n");
        writeGoSum(DirHash.hashZip(store.path(GREET, LayoutPath.Kind.ZIP)));
    }

    private void writeGoSum(String zipHash) throws IOException {
        Files.writeString(project.resolve("go.sum"), "example.com/greet v1.0.0 " + zipHash + "\n"
                + "example.com/greet v1.0.0/go.mod " + DirHash.hashGoMod(GO_MOD.getBytes(StandardCharsets.UTF_8)) + "\n");
    }

    @Test
    void vendorsFromAMirrorDirectoryAndSaysWhatItWrote() throws IOException {
        CliRun run = CliRun.of("vendor", "--dir", project.toString(), "--from", mirror.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("# example.com/greet v1.0.0\n## explicit; go 1.21\nexample.com/greet\n",
                Files.readString(project.resolve("vendor/modules.txt")));
        assertTrue(Files.exists(project.resolve("vendor/example.com/greet/LICENSE")));
        assertTrue(run.out().startsWith("vendored 1 package of 1 module into " + project.resolve("vendor") + " (3 files, "),
                run.out());
    }

    @Test
    void vendorsFromAFileUrlAndAnHttpMirror() throws IOException {
        CliRun fromFileUrl = CliRun.of("vendor", "-q", "--dir", project.toString(), "--from", mirror.toUri().toString());
        assertEquals(ExitCodes.OK, fromFileUrl.exitCode(), fromFileUrl.err());
        assertEquals("", fromFileUrl.out());

        Files.delete(project.resolve("vendor/modules.txt"));
        try (UpstreamProxy server = UpstreamProxy.serve(mirror)) {
            CliRun fromHttp = CliRun.of("vendor", "-q", "--dir", project.toString(), "--from", server.url());
            assertEquals(ExitCodes.OK, fromHttp.exitCode(), fromHttp.err());
        }
        assertTrue(Files.exists(project.resolve("vendor/modules.txt")));
    }

    @Test
    void verbosePrintsModulesTxtAndJsonDescribesTheResult() throws IOException {
        CliRun run = CliRun.of("vendor", "-v", "--json", "--dir", project.toString(), "--from", mirror.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("# example.com/greet v1.0.0\n## explicit; go 1.21\nexample.com/greet\n", run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1, json.get("packages").asInt());
        assertEquals(1, json.get("zipsVerified").asInt());
        assertEquals("example.com/greet", json.get("modules").get(0).get("path").asText());
    }

    @Test
    void anUnsupportedUrlSchemeIsRejectedNotTakenForADirectory() {
        CliRun run = CliRun.of("vendor", "--dir", project.toString(), "--from", "ftp://x/");

        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.err().contains("--from ftp://x/: unsupported URL scheme"), run.err());
        assertFalse(run.err().contains("is not a directory"), run.err());
    }

    @Test
    void checksumMismatchExitsOneNamingBothHashesAndWritesNothing() throws IOException {
        String wrong = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        writeGoSum(wrong);

        CliRun run = CliRun.of("vendor", "--dir", project.toString(), "--from", mirror.toString());

        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.err().contains("example.com/greet@v1.0.0: checksum mismatch"), run.err());
        assertTrue(run.err().contains(wrong), run.err());
        assertTrue(run.err().contains("remedy:"), run.err());
        assertFalse(Files.exists(project.resolve("vendor")));
    }

    @Test
    void withoutFromTheFirstGoproxyEntryIsTheMirrorIfItIsAUrl() {
        assertEquals("file:///srv/mirror", VendorCommand.defaultMirror(GoEnvironment.of(Map.of("GOPROXY", "file:///srv/mirror,direct"))));
        assertEquals("http://127.0.0.1:8080", VendorCommand.defaultMirror(GoEnvironment.of(Map.of("GOPROXY", "http://127.0.0.1:8080|off"))));
        GosyncException direct = assertThrows(GosyncException.class,
                () -> VendorCommand.defaultMirror(GoEnvironment.of(Map.of("GOPROXY", "direct"))));
        assertTrue(direct.getMessage().contains("starts with direct"), direct.getMessage());
        assertTrue(direct.remedy().contains("--from"), direct.remedy());
        assertThrows(GosyncException.class, () -> VendorCommand.defaultMirror(GoEnvironment.of(Map.of())));
    }

    @Test
    void aMirrorThatIsNoDirectoryIsRefused() {
        CliRun run = CliRun.of("vendor", "--dir", project.toString(), "--from", tmp.resolve("nothing").toString());

        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.err().contains("is not a directory"), run.err());
    }

    @Test
    void aGoWorkInAParentDirectoryIsRefusedAsGoModVendorRefusesWorkspaceMode() throws IOException {
        // The command reads the process's GOWORK, unset where the test suite runs.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("GOWORK") == null, "GOWORK is set");
        Files.writeString(tmp.resolve("go.work"), "go 1.22\n\nuse ./project\n");

        CliRun run = CliRun.of("vendor", "--dir", project.toString(), "--from", mirror.toString());

        assertEquals(ExitCodes.FAILED, run.exitCode(), run.err());
        assertTrue(run.err().contains("inside the workspace of " + tmp.resolve("go.work")), run.err());
        assertTrue(run.err().contains("'go mod vendor' cannot be run in workspace mode"), run.err());
        assertTrue(run.err().contains("gosync vendor --dir " + tmp) && run.err().contains("GOWORK=off"), run.err());
        assertFalse(Files.exists(project.resolve("vendor")));
    }
}
