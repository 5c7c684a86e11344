package dev.gosync.gomod.zip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated module directory trees that exercise every rule of zip creation: vendor directories
 * at several depths, go.mod files declaring go lines on both sides of 1.24, nested modules,
 * links, VCS directories, .hg_archival.txt, bad names, case collisions, LICENSE.
 */
final class ModuleTrees {
    /** What a tree node is on disk. */
    enum Kind { FILE, LINK_TO_FILE, LINK_TO_DIR, BROKEN_LINK, EMPTY_DIR }

    record Node(String path, Kind kind, String content) {
    }

    /** A tree: an optional root go.mod (null for none) and further nodes. */
    record Tree(String goMod, List<Node> nodes) {
    }

    static final List<String> GO_MODS = List.of(
            "module example.com/m\n\ngo 1.21\n",
            "module example.com/m\n\ngo 1.24\n",
            "module example.com/m\n\ngo 1.23.4\n",
            "module example.com/m\n\ngo 1.25.0 // latest\n",
            "module example.com/m\n\ngo 1.24rc1\n",
            "module example.com/m\n\ngo 1.25.1rc1\n",
            "module example.com/m\n\ngo 1.24-custom\n",
            "module example.com/m\n",
            "module example.com/m\ngo 1.24\ngo 1.25\n",
            "module example.com/m\n\ngo 1.24\n\nrequire example.com/x v1.0.0\n");

    private static final List<String> PATHS = List.of(
            "a.go", "README", "readme", "LICENSE", "doc/LICENSE", "empty.txt",
            "vendor/modules.txt", "vendor/a.go", "vendor/x/y.go", "vendor/x/go.mod", "vendor/x/bad:name.go",
            "pkg/vendor/vendor.go", "pkg/vendor/foo/foo.go", "a/vendor/b/vendor/c.go", "pkgvendor/x.go",
            "vendorx/y/z.go", "x/vendor", "sub/go.mod", "sub/x.go", "sub/deeper/y.go", "sub/bad:name.go",
            "other/GO.MOD", "other/z.go", "Go.mod", "GO.MOD", ".git/config", ".git/objects/ab/cd", "x/.svn/entries",
            ".hg/store", ".bzr/x", "dir/.git", ".hg_archival.txt", "sub2/.hg_archival.txt", "bad:name.txt",
            "ok/star*.txt", "x/\u212A.txt", "x/k.txt", "\u00fcber.txt", "\u00dcBER.txt", "\uD801\uDC00.txt",
            "\uD801\uDC28.txt", "CON", "aux.c", "-dash.go", "sp ace.go", "vendor/x/.git/config");

    private ModuleTrees() {
    }

    static Arbitrary<Tree> trees() {
        Arbitrary<Node> node = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(PATHS).map(p -> new Node(p, Kind.FILE, "content of " + p + "\n"))),
                Tuple.of(1, Arbitraries.of(PATHS).map(p -> new Node(p, Kind.LINK_TO_FILE, ""))),
                Tuple.of(1, Arbitraries.of("linkdir", "vendor/linkdir", "sub/linkdir")
                        .map(p -> new Node(p, Kind.LINK_TO_DIR, ""))),
                Tuple.of(1, Arbitraries.of(PATHS).map(p -> new Node(p, Kind.BROKEN_LINK, ""))),
                Tuple.of(1, Arbitraries.of("emptydir", "vendor/emptydir", "sub/emptydir/x")
                        .map(p -> new Node(p, Kind.EMPTY_DIR, ""))));
        Arbitrary<String> goMod = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(GO_MODS)), Tuple.of(1, Arbitraries.just(null)));
        return Combinators.combine(goMod, node.list().ofMaxSize(12)).as(Tree::new);
    }

    /**
     * Writes the tree below dir. Nodes that cannot coexist with earlier ones (a file where a
     * directory is needed) are skipped; the first one made wins.
     */
    static void write(Tree tree, Path dir) throws IOException {
        Files.createDirectories(dir);
        if (tree.goMod() != null) {
            Files.writeString(dir.resolve("go.mod"), tree.goMod(), StandardCharsets.UTF_8);
        }
        for (Node n : tree.nodes()) {
            Path p = dir.resolve(n.path());
            try {
                Files.createDirectories(p.getParent());
                switch (n.kind()) {
                    case FILE -> Files.writeString(p, n.content());
                    case LINK_TO_FILE -> Files.createSymbolicLink(p, dir.resolve("a.go"));
                    case LINK_TO_DIR -> Files.createSymbolicLink(p, dir.resolve("sub"));
                    case BROKEN_LINK -> Files.createSymbolicLink(p, dir.resolve("does-not-exist"));
                    case EMPTY_DIR -> Files.createDirectories(p);
                }
            } catch (IOException clash) {
                // Generated names may want a file and a directory in one place.
            }
        }
    }
}
