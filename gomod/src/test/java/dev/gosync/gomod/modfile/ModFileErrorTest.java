package dev.gosync.gomod.modfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gosync.gomod.GosyncException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How parse errors name the file, the place and what was expected, in the go command's words. */
class ModFileErrorTest {

    private static ModFileException error(String text) {
        return assertThrows(ModFileException.class, () -> ModFile.parse("go.mod", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parseErrorsAreGosyncExceptions() {
        assertInstanceOf(GosyncException.class, error("foo\n"));
    }

    @Test
    void anUnknownDirectiveIsNamedWithItsLine() {
        ModFileException e = error("module example.com/m\n\nfoo bar\n");
        assertEquals("go.mod:3: unknown directive: foo", e.getMessage());
        assertEquals(List.of(new ModFileError("go.mod", 3, 1, "unknown directive: foo")), e.errors());
    }

    @Test
    void aLineThatStartsLaterAlsoGetsItsColumn() {
        assertEquals("go.mod:2:2: usage: require module/path v1.2.3",
                error("require (\n\texample.com/a\n)\n").getMessage());
    }

    @Test
    void lexicalErrorsCountColumnsInCharactersNotBytes() {
        assertEquals("go.mod:1:12: unexpected input character '\\v'", error("module é/ü/\u000b\n").getMessage());
    }

    @Test
    void blockCommentsAreRefusedWhereTheyStart() {
        assertEquals("go.mod:1:22: mod files must use // comments (not /* */ comments)",
                error("module example.com/m /* no */\n").getMessage());
    }

    @Test
    void anUnterminatedBlockSaysWhereItStarted() {
        assertEquals("go.mod:3: syntax error (unterminated block started at go.mod:1:1)",
                error("require (\n\texample.com/a v1.0.0\n").getMessage());
    }

    @Test
    void anUnterminatedStringIsReportedAtItsStart() {
        assertEquals("go.mod:1:8: unexpected EOF in string", error("module \"abc").getMessage());
        assertEquals("go.mod:1:12: unexpected newline in string", error("module \"abc\n\"").getMessage());
    }

    @Test
    void versionErrorsNameTheDirectiveAndModule() {
        assertEquals("go.mod:1: require example.com/a: version \"v1.x\" invalid: must be of the form v1.2.3",
                error("require example.com/a v1.x\n").getMessage());
        assertEquals("go.mod:1: require example.com/a/v2: version \"v1.0.0\" invalid: should be v2, not v1",
                error("require example.com/a/v2 v1.0.0\n").getMessage());
    }

    @Test
    void everyBrokenDirectiveIsReportedInFileOrder() {
        ModFileException e = error("module a\nmodule b\ngo 1\nfoo\n");
        assertEquals("go.mod:2: repeated module statement\n"
                + "go.mod:3: invalid go version '1': must match format 1.23.0\n"
                + "go.mod:4: unknown directive: foo", e.getMessage());
        assertEquals(List.of(2, 3, 4), e.errors().stream().map(ModFileError::line).toList());
    }

    @Test
    void replacementsMustNameADirectoryOrAVersion() {
        assertEquals("go.mod:1: replacement module without version must be directory path"
                + " (rooted or starting with . or ..)",
                error("replace example.com/a => example.com/b\n").getMessage());
        assertEquals("go.mod:1: replacement module directory path \"./b\" cannot have version",
                error("replace example.com/a => ./b v1.0.0\n").getMessage());
    }
}
