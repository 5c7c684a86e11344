package dev.gosync.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.resolve.ModuleQuery;
import dev.gosync.gomod.resolve.ModuleQueryException;
import dev.gosync.gomod.GosyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportInputTest {
    @TempDir
    Path tmp;

    @Test
    void anArgumentWithAnAtIsAModuleQuery() {
        assertEquals(new ExportInput.Query(new ModuleQuery("example.com/m", "latest")),
                ExportInput.parse("example.com/m@latest", tmp));
    }

    @Test
    void anExistingDirectoryIsAProjectEvenWithAnAtInItsName() throws IOException {
        Files.createDirectories(tmp.resolve("svc@v2"));
        assertEquals(new ExportInput.Project(tmp.resolve("svc@v2")), ExportInput.parse("svc@v2", tmp));
    }

    @Test
    void anythingElseIsAProjectDirectoryRelativeToTheBase() {
        assertEquals(new ExportInput.Project(tmp.resolve("app")), ExportInput.parse("./app", tmp));
    }

    @Test
    void aMalformedQueryIsRefused() {
        assertThrows(ModuleQueryException.class, () -> ExportInput.parse("example.com/m@", tmp));
    }

    @Test
    void aListFileSkipsCommentsAndBlankLinesAndResolvesDirectoriesBesideIt() throws IOException {
        Path list = Files.writeString(Files.createDirectories(tmp.resolve("lists")).resolve("inputs"),
                "# projects\n\n  ../app  \nexample.com/m@v1.2.3\n");
        assertEquals(List.of(new ExportInput.Project(tmp.resolve("app")),
                        new ExportInput.Query(new ModuleQuery("example.com/m", "v1.2.3"))),
                ExportInput.readList(list));
    }

    @Test
    void aMissingListFileIsAnErrorNamingIt() {
        GosyncException e = assertThrows(GosyncException.class, () -> ExportInput.readList(tmp.resolve("nope")));
        assertTrue(e.getMessage().contains(tmp.resolve("nope").toString()), e.getMessage());
    }
}
