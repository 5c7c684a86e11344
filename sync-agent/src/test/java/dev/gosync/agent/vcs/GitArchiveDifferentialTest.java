package dev.gosync.agent.vcs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.fixtures.git.GitFile;
import dev.gosync.gomod.zip.ZipSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * {@link GitModuleFiles} against the real {@code git archive} run as the go command runs it:
 * random trees with random {@code .gitattributes} files at several levels (line-end attributes,
 * {@code ident}, macros, the legacy {@code crlf}, unset and unspecified states) and contents full
 * of line-end and binary corner cases. Every regular file must come out with git's bytes; nothing
 * generated here is of a kind {@link GitAttributesFiles} refuses.
 */
class GitArchiveDifferentialTest {
    private static final ZonedDateTime WHEN = ZonedDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC);
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
    private static Repository repo;

    @BeforeContainer
    static void createRepository() throws IOException {
        scratch = Files.createTempDirectory("gosync-git-archive-");
        git = scratch.resolve("repo.git");
        repo = new FileRepositoryBuilder().setGitDir(git.toFile()).setBare().build();
        repo.create(true);
    }

    @AfterContainer
    static void deleteRepository() throws IOException {
        repo.close();
        try (Stream<Path> all = Files.walk(scratch)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
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

    @Property(tries = 80)
    void moduleFilesHaveTheBytesGitArchiveWrites(@ForAll("trees") Tree tree) throws IOException {
        ObjectId commit = commit(tree.files());
        Map<String, String> expected = text(GitArchive.files(git, commit.name(), tree.subdir(), scratch));
        Map<String, String> actual = new TreeMap<>();
        for (ZipSource f : GitModuleFiles.list(repo, commit, tree.subdir())) {
            byte[] bytes;
            try (InputStream in = f.open()) {
                bytes = in.readAllBytes();
            }
            assertEquals(bytes.length, f.size(), f.path() + ": size() disagrees with the content");
            actual.put(f.path(), escape(new String(bytes, StandardCharsets.ISO_8859_1)));
        }
        assertEquals(expected, actual);
    }

    /** Writes the files as a commit of the shared repository; no ref needs to point at it. */
    private static ObjectId commit(List<GitFile> files) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (GitFile f : files) {
                DirCacheEntry e = new DirCacheEntry(f.path());
                e.setFileMode(FileMode.REGULAR_FILE);
                e.setObjectId(inserter.insert(Constants.OBJ_BLOB, f.bytes()));
                builder.add(e);
            }
            builder.finish();
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(index.writeTree(inserter));
            PersonIdent who = new PersonIdent("Ada", "ada@example.com", WHEN.toInstant(), WHEN.getZone());
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage("tree\n");
            ObjectId id = inserter.insert(c);
            inserter.flush();
            return id;
        }
    }

    @Provide
    Arbitrary<Tree> trees() {
        Arbitrary<String> content = Arbitraries.of(FRAGMENTS).list().ofMinSize(0).ofMaxSize(4).map(l -> String.join("", l));
        Arbitrary<String> attributes = Arbitraries.of(ATTRIBUTES).list().ofMinSize(1).ofMaxSize(3)
                .map(l -> String.join(" ", l));
        Arbitrary<String> line = Combinators.combine(Arbitraries.of(PATTERNS), attributes, Arbitraries.of(" ", "\t", "  "))
                .as((p, a, sep) -> p + sep + a);
        Arbitrary<String> attributeFile = Combinators.combine(Arbitraries.of(MACROS).injectNull(0.5),
                line.list().ofMinSize(0).ofMaxSize(4)).as((macro, lines) -> {
                    List<String> all = new ArrayList<>();
                    if (macro != null) {
                        all.add(macro);
                    }
                    all.addAll(lines);
                    return String.join("\n", all) + "\n";
                });
        Arbitrary<List<GitFile>> attributeFiles = attributeFile.injectNull(0.4).list().ofSize(ATTRIBUTE_DIRS.size())
                .map(texts -> {
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
