package dev.gosync.agent.vcs;

import dev.gosync.gomod.GoStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private static final String MACRO_PREFIX = "[attr]";
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
                String problem = lineProblem(blob.getBytes(), path.equals(NAME));
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

    /**
     * Why git would read the file's lines differently from JGit, or null: git ignores overlong
     * lines, unquotes quoted patterns, drops a whole line for one invalid attribute name, ignores
     * the value in {@code -name=value}, allows macro definitions only at the root, and splits lines
     * at LF alone, where JGit also splits at a lone CR and trims other control characters.
     */
    static String lineProblem(byte[] content, boolean root) {
        String text = new String(content, StandardCharsets.UTF_8);
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String problem = lineProblem(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line, root);
            if (problem != null) {
                return "line " + number + " " + problem;
            }
        }
        return null;
    }

    private static String lineProblem(String line, boolean root) {
        if (line.getBytes(StandardCharsets.UTF_8).length >= MAX_LINE_LENGTH) {
            return "is longer than git reads";
        }
        if (line.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            return "holds a control character";
        }
        String trimmed = trimBlanks(line);
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
            return null;
        }
        if (trimmed.startsWith("\"")) {
            return "has a quoted pattern";
        }
        String[] fields = trimmed.split("[ \t]+");
        if (fields[0].startsWith(MACRO_PREFIX)) {
            if (!root) {
                return "defines a macro outside the root .gitattributes";
            }
            if (!validName(fields[0].substring(MACRO_PREFIX.length()))) {
                return "defines a macro with an invalid name";
            }
        }
        for (int i = 1; i < fields.length; i++) {
            String f = fields[i];
            boolean negated = f.startsWith("-") || f.startsWith("!");
            String name = (negated ? f.substring(1) : f).split("=", 2)[0];
            if (!validName(name)) {
                return "has the invalid attribute name " + GoStrings.quote(name);
            }
            if (negated && f.contains("=")) {
                return "has " + GoStrings.quote(f) + ", a value after - or !";
            }
        }
        return null;
    }

    /** Both git and JGit skip spaces and tabs around a line (other control characters are refused above). */
    private static String trimBlanks(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(start, end);
    }

    /** git's {@code attr_name_valid}: ASCII letters, digits, '-', '.' and '_', not starting with '-'. */
    private static boolean validName(String name) {
        return !name.isEmpty() && name.charAt(0) != '-' && name.chars().allMatch(c -> c == '-' || c == '.' || c == '_'
                || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
    }

    private static GitSourceException refuse(String path, String problem) {
        return new GitSourceException(path + " " + problem + "; git reads such attribute files in ways gosync does"
                + " not reproduce, so the module zip could differ from the go command's", REMEDY);
    }
}
