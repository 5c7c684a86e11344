package dev.gosync.gomod.modfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gosync.gomod.module.ModuleVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a parsed go.work file says. */
class WorkFileTest {

    private static WorkFile parse(String text) {
        return WorkFile.parse("go.work", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryDirective() {
        WorkFile w = parse("""
                go 1.23.0
                toolchain go1.23.2
                godebug default=go1.21
                use (
                \t./api
                \t"./with space"
                )
                use ../shared
                replace example.com/a v1.0 => ./fork
                """);
        assertEquals(Optional.of("1.23.0"), w.goVersion());
        assertEquals(Optional.of("go1.23.2"), w.toolchain());
        assertEquals(List.of(new Godebug("default", "go1.21")), w.godebugs());
        assertEquals(List.of("./api", "./with space", "../shared"), w.uses());
        Replacement fork = new Replacement(new ModuleVersion("example.com/a", "v1.0.0"), new ModuleVersion("./fork", ""));
        assertEquals(List.of(fork), w.replacements());
    }

    @Test
    void anEmptyFileHasNoGoVersion() {
        assertEquals(Optional.empty(), parse("").goVersion());
    }

    @Test
    void goModOnlyDirectivesAreErrors() {
        ModFileException e = assertThrows(ModFileException.class,
                () -> parse("module example.com/m\nrequire example.com/a v1.0.0\n"));
        assertEquals(List.of("go.work:1: unknown directive: module", "go.work:2: unknown directive: require"),
                e.errors().stream().map(ModFileError::toString).toList());
    }

    @Test
    void goVersionsAreNeverCut() {
        assertThrows(ModFileException.class, () -> parse("go 1.22beta\n"));
    }

    @Test
    void formatDropsOverriddenReplacementsButNotRepeatedUses() {
        WorkFile w = parse("use ./a\nuse ./a\nreplace x.com/a => ./one\nreplace x.com/a => ./two\n");
        assertEquals("use ./a\n\nuse ./a\n\nreplace x.com/a => ./two\n", new String(w.format(), StandardCharsets.UTF_8));
    }
}
