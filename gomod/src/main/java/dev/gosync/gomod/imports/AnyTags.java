package dev.gosync.gomod.imports;

import dev.gosync.gomod.GoFields;
import dev.gosync.gomod.GoUtf8;
import java.util.Arrays;

/**
 * The go command's "any tags" build configuration, with which {@code go mod vendor} and
 * {@code go mod tidy} decide what a package could ever need: every tag except {@code ignore}
 * counts as both set and unset, so a constraint fails only if it needs {@code ignore} (or a
 * malformed tag) to hold. File-name suffixes ({@code _linux}, {@code _arm64}) never exclude a file.
 */
public final class AnyTags {
    private static final byte[] GO_BUILD = "//go:build".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final String IGNORE = "ignore";

    private AnyTags() {
    }

    /** Whether some build configuration other than {@code ignore} satisfies the constraint. */
    public static boolean satisfiable(Constraint x) {
        return eval(x, true);
    }

    /**
     * Whether a Go file with this header (the bytes {@link ImportScan} read) may be part of some
     * build: its {@code //go:build} line decides, or else every {@code // +build} line in the
     * leading comments that end with a blank line. Two {@code //go:build} lines or a malformed
     * one exclude the file.
     */
    public static boolean shouldBuild(byte[] header) {
        FileHeader parsed = FileHeader.parse(header);
        if (parsed == null) {
            return false;
        }
        if (parsed.goBuild() != null) {
            try {
                return satisfiable(BuildLines.parse(GoUtf8.decodeAll(parsed.goBuild(), 0, parsed.goBuild().length)));
            } catch (InvalidConstraintException e) {
                return false;
            }
        }
        boolean build = true;
        byte[] comments = parsed.leadingComments();
        int start = 0;
        while (start < comments.length) {
            int nl = indexOf(comments, start, '\n');
            int end = nl < 0 ? comments.length : nl;
            byte[] line = GoFields.trimSpace(Arrays.copyOfRange(comments, start, end));
            start = nl < 0 ? comments.length : nl + 1;
            String text = GoUtf8.decodeAll(line, 0, line.length);
            if (!text.startsWith("//") || !text.contains("+build") || !BuildLines.isPlusBuild(text)) {
                continue;
            }
            try {
                if (!satisfiable(BuildLines.parse(text))) {
                    build = false;
                }
            } catch (InvalidConstraintException e) {
                // A legacy line that does not parse constrains nothing.
            }
        }
        return build;
    }

    /**
     * Evaluates with every valid tag but {@code ignore} taking the value that suits the caller:
     * {@code prefer} flips under each negation, so both {@code foo} and {@code !foo} hold.
     */
    private static boolean eval(Constraint x, boolean prefer) {
        if (x instanceof Constraint.Tag t) {
            return matches(t.name(), prefer);
        }
        if (x instanceof Constraint.Not n) {
            return !eval(n.x(), !prefer);
        }
        if (x instanceof Constraint.And a) {
            return eval(a.x(), prefer) & eval(a.y(), prefer);
        }
        Constraint.Or o = (Constraint.Or) x;
        return eval(o.x(), prefer) | eval(o.y(), prefer);
    }

    private static boolean matches(String tag, boolean prefer) {
        if (!tag.codePoints().allMatch(BuildLines::isTagChar)) {
            return false;
        }
        return !tag.isEmpty() && !tag.equals(IGNORE) && prefer;
    }

    static int indexOf(byte[] b, int from, char c) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The parts of a file header that constrain the build: the leading run of line comments and
     * blank lines up to the last blank line before the first other line (where {@code // +build}
     * lines count), and the {@code //go:build} line if there is one before the first code.
     */
    record FileHeader(byte[] leadingComments, byte[] goBuild) {
        /** The header's parts, or null when it has two {@code //go:build} lines. */
        static FileHeader parse(byte[] content) {
            int end = 0;
            boolean ended = false;
            boolean inBlockComment = false;
            byte[] goBuild = null;
            int pos = 0;
            lines:
            while (pos < content.length) {
                int nl = AnyTags.indexOf(content, pos, '\n');
                int lineEnd = nl < 0 ? content.length : nl;
                byte[] line = GoFields.trimSpace(Arrays.copyOfRange(content, pos, lineEnd));
                pos = nl < 0 ? content.length : nl + 1;
                if (line.length == 0 && !ended) {
                    end = pos;
                    continue;
                }
                if (!startsWith(line, 0, "//")) {
                    ended = true;
                }
                if (!inBlockComment && isGoBuildLine(line)) {
                    if (goBuild != null) {
                        return null;
                    }
                    goBuild = line;
                }
                int i = 0;
                while (i < line.length) {
                    if (inBlockComment) {
                        int close = indexOf(line, i, "*/");
                        if (close < 0) {
                            continue lines;
                        }
                        inBlockComment = false;
                        i = skipSpace(line, close + 2);
                        continue;
                    }
                    if (startsWith(line, i, "//")) {
                        continue lines;
                    }
                    if (startsWith(line, i, "/*")) {
                        inBlockComment = true;
                        i = skipSpace(line, i + 2);
                        continue;
                    }
                    break lines;
                }
            }
            return new FileHeader(Arrays.copyOf(content, end), goBuild);
        }

        private static boolean isGoBuildLine(byte[] line) {
            if (!startsWith(line, 0, "//go:build")) {
                return false;
            }
            byte[] rest = Arrays.copyOfRange(line, GO_BUILD.length, line.length);
            return rest.length == 0 || GoFields.trimSpace(rest).length < rest.length;
        }

        /** Where the rest of the line starts once leading space is trimmed (the line has no trailing space). */
        private static int skipSpace(byte[] line, int from) {
            return line.length - GoFields.trimSpace(Arrays.copyOfRange(line, from, line.length)).length;
        }

        private static int indexOf(byte[] b, int from, String s) {
            for (int i = from; i + s.length() <= b.length; i++) {
                if (startsWith(b, i, s)) {
                    return i;
                }
            }
            return -1;
        }

        static boolean startsWith(byte[] b, int at, String prefix) {
            if (at + prefix.length() > b.length) {
                return false;
            }
            for (int k = 0; k < prefix.length(); k++) {
                if (b[at + k] != prefix.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }
}
