package dev.gosync.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project directory is exported as the go command works there: inside a workspace, with the
 * whole workspace of the go.work above it, unless GOWORK says otherwise; below a module root,
 * as that module. (That the resolver's
 * graph for such a directory equals {@code go list -m all} run there is proved in gomod's
 * ResolverGoCommandTest.)
 */
class ExportWorkspaceTest {
    @TempDir
    Path tmp;
    Path proxy;
    Path service;

    @BeforeEach
    void workspaceOfTwoModules() throws IOException {
        proxy = tmp.resolve("proxy");
        publish("example.com/x", "v1.0.0");
        publish("example.com/y", "v1.0.0");
        Path root = tmp.resolve("ws");
        service = write(root.resolve("services/a/go.mod"), "module example.com/a\n\ngo 1.21\n\nrequire example.com/x v1.0.0\n")
                .getParent();
        write(root.resolve("services/b/go.mod"), "module example.com/b\n\ngo 1.21\n\nrequire example.com/y v1.0.0\n");
        write(root.resolve("go.work"), "go 1.22\n\nuse (\n\t./services/a\n\t./services/b\n)\n");
    }

    @Test
    void aModuleInsideAWorkspaceBringsTheWholeWorkspacesRequirements() {
        assertEquals(Set.of("example.com/x@v1.0.0", "example.com/y@v1.0.0"), planned(Map.of()));
    }

    @Test
    void goworkOffExportsTheModuleAlone() {
        assertEquals(Set.of("example.com/x@v1.0.0"), planned(Map.of("GOWORK", "off")));
    }

    @Test
    void aPackageDirectoryBelowAModuleRootIsExportedAsItsModule() throws IOException {
        service = Files.createDirectories(service.resolve("internal/handler"));
        assertEquals(Set.of("example.com/x@v1.0.0"), planned(Map.of("GOWORK", "off")));
        assertEquals(Set.of("example.com/x@v1.0.0", "example.com/y@v1.0.0"), planned(Map.of()));
    }

    @Test
    void aModuleTheWorkspaceAboveDoesNotUseIsRefusedNotReplacedByTheWorkspace() throws IOException {
        service = write(tmp.resolve("ws/tools/lint/go.mod"), "module example.com/lint\n\ngo 1.21\n").getParent();
        GosyncException e = assertThrows(GosyncException.class, () -> planned(Map.of()));
        assertTrue(e.getMessage().endsWith("which the workspace of " + tmp.resolve("ws/go.work") + " does not use"),
                e.getMessage());
        assertTrue(e.remedy().contains("GOWORK=off"), e.remedy());
        assertEquals(Set.of(), planned(Map.of("GOWORK", "off")));
    }

    @Test
    void aRelativeGoworkIsRefusedAsTheGoCommandRefusesIt() {
        GosyncException e = assertThrows(GosyncException.class, () -> planned(Map.of("GOWORK", "go.work")));
        assertEquals("invalid GOWORK=go.work: not an absolute path", e.getMessage());
    }

    private Set<String> planned(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("SOURCE_DATE_EPOCH", Long.toString(TestExports.SOURCE_DATE_EPOCH));
        ExportSettings settings = TestExports.settings(proxy.toUri().toString(), tmp.resolve("home")).withEnvironment(env);
        ExportRequest request = ExportRequest.builder(tmp.resolve("out.tar.zst"))
                .input(new ExportInput.Project(service)).cacheDir(tmp.resolve("cache")).dryRun(true).build();
        ExportResult plan = new Exporter(settings).export(request, ExportListener.NONE);
        Set<String> modules = new TreeSet<>();
        plan.modules().forEach(row -> modules.add(row.module().path() + "@" + row.module().version()));
        return modules;
    }

    private void publish(String module, String version) throws IOException {
        Path dir = proxy.resolve(module).resolve("@v");
        write(dir.resolve(version + ".mod"), "module " + module + "\n\ngo 1.21\n");
        write(dir.resolve(version + ".info"), "{\"Version\":\"" + version + "\",\"Time\":\"2024-01-01T00:00:00Z\"}\n");
        write(dir.resolve("list"), version + "\n");
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
