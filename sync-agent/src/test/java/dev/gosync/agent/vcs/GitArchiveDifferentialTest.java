package dev.gosync.agent.vcs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.fixtures.git.GitFile;
import dev.gosync.gomod.zip.ZipSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.eclipse.jgit.lib.ObjectId;

/**
 * {@link GitModuleFiles} against the real {@code git archive} run as the go command runs it:
 * random trees with random {@code .gitattributes} files at several levels (line-end attributes,
 * {@code ident}, macros, the legacy {@code crlf}, unset and unspecified states) and contents full
 * of line-end and binary corner cases. Every regular file must come out with git's bytes; nothing
 * generated here is of a kind {@link GitAttributesFiles} refuses.
 */
class GitArchiveDifferentialTest {
    private static final List<String> PATHS = List.of("a.txt", "b.txt", "c.bin", "x.go", "sub/a.txt", "sub/c.txt",
            "sub/d/e/f.txt", "sub/d/g.bin", "d/e/h.txt", "sub/sub/a.txt");
    private static final List<String> ATTRIBUTE_DIRS = List.of("", "sub/", "sub/d/", "d/");
    private static final List<String> PATTERNS = List.of("*", "*.txt", "*.bin", "a.txt", "/a.txt", "sub/*.txt",
            "sub/**", "**/f.txt", "*.t?t", "[ab].txt", "sub/", "sub", "d/", "d/e/*", "e/*", "**/d/**", "sub/**/f.txt",
            "!*.txt", "#*.txt", "*.[!t]*", "e/**", "/sub/a.txt", "x.*", "**/d", "sub/d", "[[:alpha:]].txt", "*.TXT",
            "a.txt/", "**", "/*", "/*/a.txt", "sub/*/", "?.txt", "\\*.txt", "d/**/h.txt", "**/e/*", "*/a.txt");
    private static final List<String> ATTRIBUTES = List.of("text", "-text", "text=auto", "eol=crlf", "eol=lf",
            "binary", "crlf", "-crlf", "crlf=input", "ident", "-ident", "!text", "!eol", "text=input", "eol",
            "mymacro", "-mymacro", "!mymacro", "filter=lfs", "export-ignore", "export-subst", "diff=golang", "-eol",
            "!ident", "crlf=auto", "working-tree-encoding=UTF-8", "text=auto eol=crlf");
    private static final List<String> MACROS = List.of("[attr]mymacro text eol=crlf", "[attr]mymacro -text ident",
            "[attr]mymacro eol=crlf ident");
    private static final List<String> FRAGMENTS = List.of("line\n", "crlf\r\n", "lone\rcr", "nul\0", "$Id$", "$Id: old $",
            "$Id: a b $", "$Id:", "$Id:$", "$Id", "\u00e9t\u00e9\n", "\u0001", "\u001a", "", "tab\t", "\n\n", "\r", "$$Id$\n",
            "x".repeat(300), "\u007f\u007f");

    private static Path scratch;
    private static Path git;
    /** One repository for all tries: each tree is a commit of its own, archived by hash. */
    private static TestRepo repo;

    @BeforeContainer
    static void createRepository() throws IOException {
        scratch = Files.createTempDirectory("gosync-archive-test-");
        git = scratch.resolve("repo.git");
        repo = TestRepo.bare(git);
    }

    @AfterContainer
    static void deleteRepository() throws IOException {
        repo.close();
        try (Stream<Path> all = Files.walk(scratch)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // jqwik may still be shrinking a failed property in the background; the failure is what matters.
        }
    }

    /** A tree and the module directory to archive from it. */
    record Tree(List<GitFile> files, String subdir) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("subdir=\"" + subdir + "\"");
            files.forEach(f -> s.append("\n  ").append(f.path()).append(": ").append(escape(f.content())));
            return s.toString();
        }
    }

    /** Every conversion rule on every kind of content, each file with its own attribute line. */
    @Example
    void eachAttributeSetOnEachContentGivesGitArchivesBytes() throws IOException {
        List<String> attributeSets = List.of("eol=crlf", "text=auto eol=crlf", "text eol=crlf", "-text eol=crlf",
                "crlf=input eol=crlf", "crlf eol=crlf", "ident", "ident eol=crlf", "ident text=auto eol=crlf", "text=auto",
                "binary eol=crlf", "text", "eol=lf", "text=auto eol=lf");
        List<String> contents = new ArrayList<>(FRAGMENTS);
        contents.addAll(List.of("a\nb\r\nc\n", "a\rb\n", "a\0\n", "a\n\u001a", "a\u001a\n", "$Id$\n$Id: x $\n",
                "x".repeat(200) + "\u0001\n", "x".repeat(100) + "\u0001\n", "\b\t\u001b\f\n"));
        List<GitFile> files = new ArrayList<>();
        StringBuilder attributes = new StringBuilder();
        for (int a = 0; a < attributeSets.size(); a++) {
            for (int c = 0; c < contents.size(); c++) {
                String name = "f" + a + "-" + c;
                attributes.append('/').append(name).append(' ').append(attributeSets.get(a)).append('\n');
                files.add(GitFile.text(name, contents.get(c)));
            }
        }
        files.add(GitFile.text(".gitattributes", attributes.toString()));
        assertSameAsGitArchive(new Tree(files, ""));
    }

    @Property(tries = 80)
    void moduleFilesHaveTheBytesGitArchiveWrites(@ForAll("trees") Tree tree) throws IOException {
        assertSameAsGitArchive(tree);
    }

    private static void assertSameAsGitArchive(Tree tree) throws IOException {
        ObjectId commit = repo.commit(tree.files().toArray(GitFile[]::new));
        Map<String, String> expected = text(GitArchive.files(git, commit.name(), tree.subdir(), scratch));
        Map<String, String> actual = new TreeMap<>();
        for (ZipSource f : GitModuleFiles.list(repo.repository(), commit, tree.subdir())) {
            byte[] bytes;
            try (InputStream in = f.open()) {
                bytes = in.readAllBytes();
            }
            assertEquals(bytes.length, f.size(), f.path() + ": size() disagrees with the content");
            actual.put(f.path(), escape(new String(bytes, StandardCharsets.ISO_8859_1)));
        }
        assertEquals(expected, actual);
    }

    @Provide
    Arbitrary<Tree> trees() {
        Arbitrary<String> content = Arbitraries.of(FRAGMENTS).list().ofMinSize(0).ofMaxSize(4).map(l -> String.join("", l));
        Arbitrary<String> attributes = Arbitraries.of(ATTRIBUTES).list().ofMinSize(1).ofMaxSize(3)
                .map(l -> String.join(" ", l));
        Arbitrary<String> line = Combinators.combine(Arbitraries.of(PATTERNS), attributes, Arbitraries.of(" ", "\t", "  "))
                .as((p, a, sep) -> p + sep + a);
        Arbitrary<List<String>> lines = line.list().ofMinSize(0).ofMaxSize(4);
        Arbitrary<String> rootFile = Combinators.combine(Arbitraries.of(MACROS).injectNull(0.5), lines).as((macro, l) -> {
            List<String> all = new ArrayList<>();
            if (macro != null) {
                all.add(macro);
            }
            all.addAll(l);
            return String.join("\n", all) + "\n";
        });
        Arbitrary<String> nestedFile = lines.map(l -> String.join("\n", l) + "\n");
        // git allows macro definitions only in the root attribute file.
        Arbitrary<List<String>> attributeTexts = Combinators.combine(rootFile.injectNull(0.4),
                nestedFile.injectNull(0.4).list().ofSize(ATTRIBUTE_DIRS.size() - 1)).as((root, nested) -> {
                    List<String> all = new ArrayList<>();
                    all.add(root);
                    all.addAll(nested);
                    return all;
                });
        Arbitrary<List<GitFile>> attributeFiles = attributeTexts.map(texts -> {
            List<GitFile> files = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i) != null) {
                    files.add(GitFile.text(ATTRIBUTE_DIRS.get(i) + ".gitattributes", texts.get(i)));
                }
            }
            return files;
        });
        Arbitrary<List<GitFile>> contents = content.list().ofSize(PATHS.size()).map(texts -> {
            List<GitFile> files = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                files.add(GitFile.text(PATHS.get(i), texts.get(i)));
            }
            return files;
        });
        return Combinators.combine(attributeFiles, contents, Arbitraries.of("", "sub")).as((attrs, files, subdir) -> {
            List<GitFile> all = new ArrayList<>(attrs);
            all.addAll(files);
            return new Tree(all, subdir);
        });
    }

    private static Map<String, String> text(Map<String, byte[]> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(k, escape(new String(v, StandardCharsets.ISO_8859_1))));
        return out;
    }

    /** Control characters made visible, so a failure shows where line ends differ. */
    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 32 || c == 127 ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
