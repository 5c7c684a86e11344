package dev.gosync.agent.vcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.git.GitFile;
import dev.gosync.gomod.zip.ZipSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link GitModuleFiles} offers for a module zip beyond what the fixture universe shows:
 * attributes from above the module directory, the root LICENSE as stored, submodules, and the
 * attribute files it refuses because git would read them differently from JGit.
 */
class GitModuleFilesTest {
    private final TestRepo repo = TestRepo.inMemory();

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void attributesAboveTheModuleDirectoryApplyToItsFiles() {
        ObjectId c = repo.commit(GitFile.text(".gitattributes", "*.txt eol=crlf\n"), GitFile.text("sub/a.txt", "one\ntwo\n"),
                GitFile.text("sub/go.mod", "module example.com/r/sub\n"));
        assertEquals("one\r\ntwo\r\n", contents(c, "sub").get("a.txt"));
    }

    @Test
    void rootLicenseOfASubdirectoryModuleIsAddedAsStoredWithoutConversion() {
        ObjectId c = repo.commit(GitFile.text(".gitattributes", "LICENSE eol=crlf\n"), GitFile.text("LICENSE", "l1\nl2\n"),
                GitFile.text("sub/go.mod", "module example.com/r/sub\n"));
        List<ZipSource> files = list(c, "sub");
        assertEquals("LICENSE", files.get(files.size() - 1).path());
        assertEquals("l1\nl2\n", contents(c, "sub").get("LICENSE"));
        assertEquals("l1\r\nl2\r\n", contents(c, "").get("LICENSE"));
    }

    @Test
    void submodulesContributeNothing() {
        ObjectId c = repo.commitWithSubmodule("vendored", GitFile.text("go.mod", "module example.com/r\n"));
        assertEquals(List.of("go.mod"), list(c, "").stream().map(ZipSource::path).toList());
    }

    @Test
    void symbolicLinksAreOfferedAsLinksForTheZipRulesToOmit() {
        ObjectId c = repo.commit(GitFile.text("go.mod", "module example.com/r\n"), GitFile.symlink("link", "go.mod"));
        assertEquals(ZipSource.Kind.SYMLINK, list(c, "").get(1).kind());
    }

    @Test
    void utf8WorkingTreeEncodingChangesNothing() {
        ObjectId c = repo.commit(GitFile.text(".gitattributes", "*.txt working-tree-encoding=utf-8\n"),
                GitFile.text("a.txt", "\u00e9\n"));
        assertEquals("\u00e9\n", contents(c, "").get("a.txt"));
    }

    @Test
    void otherWorkingTreeEncodingsAreRefusedNamingTheFile() {
        ObjectId c = repo.commit(GitFile.text(".gitattributes", "*.txt working-tree-encoding=UTF-16\n"),
                GitFile.text("a.txt", "x\n"));
        GitSourceException e = assertThrows(GitSourceException.class, () -> list(c, ""));
        assertTrue(e.getMessage().contains("a.txt") && e.getMessage().contains("working-tree-encoding"), e.getMessage());
    }

    @Test
    void symlinkedAttributeFilesAreRefused() {
        ObjectId c = repo.commit(GitFile.text("attrs", "* eol=crlf\n"), GitFile.symlink(".gitattributes", "attrs"));
        assertRefused(c, "", ".gitattributes is not a regular file");
    }

    @Test
    void directoriesNamedLikeAttributeFilesAreRefused() {
        ObjectId c = repo.commit(GitFile.text("sub/.gitattributes/x", "* eol=crlf\n"), GitFile.text("sub/a.txt", "a\n"));
        assertRefused(c, "", "sub/.gitattributes is not a regular file");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "'\"a b.txt\" eol=crlf'          | line 1 has a quoted pattern",
            "'*.txt eol=crlf bad$name'        | line 1 has the invalid attribute name \"bad$name\"",
            "'*.txt -eol=crlf'                | line 1 has \"-eol=crlf\", a value after - or !",
            "'*.txt eol=crlf\\ra.txt text'    | line 1 holds a control character",
            "'# fine\\n*.txt\u000beol=crlf'   | line 2 holds a control character"})
    void attributeLinesGitReadsDifferentlyAreRefused(String content, String problem) {
        ObjectId c = repo.commit(GitFile.text(".gitattributes", content.replace("\\r", "\r").replace("\\n", "\n")),
                GitFile.text("a.txt", "a\n"));
        assertRefused(c, "", ".gitattributes " + problem);
    }

    @Test
    void overlongAttributeLinesAreRefused() {
        ObjectId c = repo.commit(GitFile.text(".gitattributes", "*.txt eol=crlf " + "x".repeat(2048) + "\n"),
                GitFile.text("a.txt", "a\n"));
        assertRefused(c, "", ".gitattributes line 1 is longer than git reads");
    }

    @Test
    void macroDefinitionsOutsideTheRootAreRefused() {
        ObjectId c = repo.commit(GitFile.text("sub/.gitattributes", "[attr]crlf-text text eol=crlf\n"),
                GitFile.text("sub/a.txt", "a\n"));
        assertRefused(c, "sub", "sub/.gitattributes line 1 defines a macro outside the root .gitattributes");
    }

    @Test
    void attributeFilesOutsideTheModuleDoNotMatter() {
        ObjectId c = repo.commit(GitFile.text("other/.gitattributes", "\"a b.txt\" eol=crlf\n"),
                GitFile.text("sub/a.txt", "a\n"));
        assertEquals(Map.of("a.txt", "a\n"), contents(c, "sub"));
    }

    private void assertRefused(ObjectId commit, String dir, String problem) {
        GitSourceException e = assertThrows(GitSourceException.class, () -> list(commit, dir));
        assertTrue(e.getMessage().startsWith(problem), e.getMessage());
    }

    private List<ZipSource> list(ObjectId commit, String dir) {
        return GitModuleFiles.list(repo.repository(), commit, dir);
    }

    private Map<String, String> contents(ObjectId commit, String dir) {
        Map<String, String> out = new TreeMap<>();
        for (ZipSource f : list(commit, dir)) {
            try (InputStream in = f.open()) {
                out.put(f.path(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
