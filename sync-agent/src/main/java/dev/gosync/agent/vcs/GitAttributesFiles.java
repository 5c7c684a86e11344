package dev.gosync.agent.vcs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Guards the one place where JGit's reading of {@code .gitattributes} files is used in place of
 * git's: before a module's files are converted, every attribute file that applies to them (those
 * in the module's directory tree and in the directories above it) is checked for what git treats
 * differently, and such a tree is refused rather than zipped with bytes git would not write.
 */
final class GitAttributesFiles {
    static final String NAME = ".gitattributes";
    /** git ignores attribute files this large (its {@code ATTR_MAX_FILE_SIZE}). */
    static final long MAX_FILE_SIZE = 100L << 20;
    /** git ignores attribute lines this long (its {@code ATTR_MAX_LINE_LENGTH}). */
    static final int MAX_LINE_LENGTH = 2048;
    private static final String REMEDY = "fetch this module through a GOPROXY instead of from git";

    private GitAttributesFiles() {
    }

    /**
     * @param dir the module's directory, "" or ending in "/"
     * @throws GitSourceException naming the first attribute file git would read differently
     */
    static void check(Repository repo, RevTree tree, String dir) throws IOException {
        for (String path : applicable(repo, tree, dir)) {
            try (TreeWalk tw = TreeWalk.forPath(repo, path, tree)) {
                FileMode mode = tw.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    throw refuse(path, "is not a regular file");
                }
                ObjectLoader blob = repo.open(tw.getObjectId(0));
                if (blob.getSize() >= MAX_FILE_SIZE) {
                    throw refuse(path, "is larger than git reads");
                }
                String problem = lineProblem(blob.getBytes());
                if (problem != null) {
                    throw refuse(path, problem);
                }
            }
        }
    }

    /** The attribute files above dir (root first) and in it, at any depth. */
    private static List<String> applicable(Repository repo, RevTree tree, String dir) throws IOException {
        List<String> paths = new ArrayList<>();
        if (!dir.isEmpty()) {
            List<String> above = new ArrayList<>(List.of(""));
            for (int slash = dir.indexOf('/'); slash < dir.length() - 1; slash = dir.indexOf('/', slash + 1)) {
                above.add(dir.substring(0, slash + 1));
            }
            for (String parent : above) {
                try (TreeWalk tw = TreeWalk.forPath(repo, parent + NAME, tree)) {
                    if (tw != null) {
                        paths.add(parent + NAME);
                    }
                }
            }
        }
        // Walked level by level so that a directory named .gitattributes is seen too.
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(tree);
            if (!dir.isEmpty()) {
                tw.setFilter(PathFilter.create(dir.substring(0, dir.length() - 1)));
            }
            while (tw.next()) {
                if (tw.getNameString().equals(NAME) && tw.getPathString().startsWith(dir)) {
                    paths.add(tw.getPathString());
                }
                if (tw.isSubtree()) {
                    tw.enterSubtree();
                }
            }
        }
        return paths;
    }

    /** Why git would read the file's lines differently from JGit, or null. */
    static String lineProblem(byte[] content) {
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                if (i - start >= MAX_LINE_LENGTH) {
                    return "has a line of " + (i - start) + " bytes, which git ignores";
                }
                start = i + 1;
            }
        }
        return null;
    }

    private static GitSourceException refuse(String path, String problem) {
        return new GitSourceException(path + " " + problem + ": the go command's git would apply these attributes"
                + " differently, and reproducing that is not supported", REMEDY);
    }
}
