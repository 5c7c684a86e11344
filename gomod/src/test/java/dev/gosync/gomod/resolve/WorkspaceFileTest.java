package dev.gosync.gomod.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFileTest {
    @TempDir
    Path tmp;

    @Test
    void withGoworkUnsetTheNearestGoWorkInTheDirectoryOrAParentGoverns() throws IOException {
        Path module = Files.createDirectories(tmp.resolve("ws/services/a"));
        Files.writeString(tmp.resolve("ws/go.work"), "go 1.22\nuse ./services/a\n");
        assertEquals(Optional.of(tmp.resolve("ws/go.work")), WorkspaceFile.locate(module, null));
        assertEquals(Optional.of(tmp.resolve("ws/go.work")), WorkspaceFile.locate(module, "auto"));
        assertEquals(Optional.of(tmp.resolve("ws/go.work")), WorkspaceFile.locate(module, ""));

        Files.writeString(module.resolve("go.work"), "go 1.22\nuse .\n");
        assertEquals(Optional.of(module.resolve("go.work")), WorkspaceFile.locate(module, null), "the nearest wins");
    }

    @Test
    void aDirectoryNamedGoWorkIsNotAWorkspaceFile() throws IOException {
        Path module = Files.createDirectories(tmp.resolve("m"));
        Files.createDirectories(module.resolve("go.work"));
        assertEquals(Optional.empty(), WorkspaceFile.locate(module, null));
    }

    @Test
    void goworkOffIgnoresEveryGoWork() throws IOException {
        Files.writeString(tmp.resolve("go.work"), "go 1.22\n");
        assertEquals(Optional.empty(), WorkspaceFile.locate(tmp, "off"));
    }

    @Test
    void anAbsoluteGoworkIsTakenAsGivenEvenWhenMissing() {
        Path elsewhere = tmp.resolve("other/../elsewhere/go.work");
        assertEquals(Optional.of(tmp.resolve("elsewhere/go.work")), WorkspaceFile.locate(tmp, elsewhere.toString()));
    }

    @Test
    void aRelativeGoworkIsRefusedAsTheGoCommandRefusesIt() {
        MainModuleException e = assertThrows(MainModuleException.class, () -> WorkspaceFile.locate(tmp, "go.work"));
        assertEquals("invalid GOWORK=go.work: not an absolute path", e.getMessage());
    }

    @Test
    void mainModulesOpenedInsideAWorkspaceAreTheWorkspacesModules() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(a.resolve("go.mod"), "module example.com/a\n\ngo 1.21\n");
        Files.writeString(b.resolve("go.mod"), "module example.com/b\n\ngo 1.21\n");
        Files.writeString(tmp.resolve("go.work"), "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n");

        assertEquals(2, MainModules.open(a).modules().size());
        assertEquals(1, MainModules.open(a, "off").modules().size());
    }

    @Test
    void aModuleTheWorkspaceDoesNotUseIsRefusedRatherThanStoodInForByTheWorkspace() throws IOException {
        Path used = Files.createDirectories(tmp.resolve("tools"));
        Path project = Files.createDirectories(tmp.resolve("src/proj"));
        Files.writeString(used.resolve("go.mod"), "module example.com/tools\n\ngo 1.21\n");
        Files.writeString(project.resolve("go.mod"), "module example.com/proj\n\ngo 1.21\n");
        Files.writeString(tmp.resolve("go.work"), "go 1.22\n\nuse ./tools\n");

        MainModuleException e = assertThrows(MainModuleException.class,
                () -> MainModules.open(Files.createDirectories(project.resolve("cmd")), null));
        assertEquals(project + "/cmd is in the module at " + project + ", which the workspace of " + tmp.resolve("go.work")
                + " does not use", e.getMessage());
        assertEquals("example.com/proj", MainModules.open(project, "off").modules().get(0).path());
    }

    @Test
    void theHashesOfAWorkspaceAreInItsWorkFilesSumBesideItAndEveryModulesGoSum() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Files.writeString(a.resolve("go.mod"), "module example.com/a\n\ngo 1.21\n");
        Path release = Files.writeString(tmp.resolve("release.work"), "go 1.22\n\nuse ./a\n");

        assertEquals(List.of(tmp.resolve("release.work.sum"), a.resolve("go.sum")),
                MainModules.open(a, release.toString()).goSumFiles());
        assertEquals(List.of(a.resolve("go.sum")), MainModules.open(a, "off").goSumFiles());
    }
}
