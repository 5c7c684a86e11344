package dev.gosync.gomod.modfile;

import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.semver.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The argument rules shared by go.mod and go.work directives. Arguments are raw text (see
 * {@link GoText}) in a list that writes through to the syntax tree: each argument read is
 * rewritten into its canonical spelling (quotes only where needed, canonical versions), which is
 * how formatting comes to print those spellings. Error texts are x/mod's.
 */
final class DirectiveArgs {
    /** A language version: {@code 1.21}, {@code 1.21.3}, {@code 1.21rc1}. */
    private static final Pattern GO_VERSION =
            Pattern.compile("([1-9][0-9]*)\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?");
    /** What a dependency may write instead, cut to major.minor: {@code v1.17x}, {@code 1.21beta}. */
    private static final Pattern LAX_GO_VERSION =
            Pattern.compile("v?(([1-9][0-9]*)\\.(0|[1-9][0-9]*))([^0-9].*)", Pattern.DOTALL);
    /** Deliberately loose, so that newer toolchain names still parse: {@code default} or {@code go1…}. */
    private static final Pattern TOOLCHAIN = Pattern.compile("default|go1(\\..*)?", Pattern.DOTALL);
    private static final Pattern DEPRECATION =
            Pattern.compile("(?:^|\n\n)Deprecated: *(.*?)(?:\\z|\n\n)", Pattern.DOTALL);

    private DirectiveArgs() {
    }

    /** A broken argument; the message is complete but for the file position. */
    static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    static boolean isGoVersion(String raw) {
        return GO_VERSION.matcher(raw).matches();
    }

    /** The major.minor a dependency's malformed go version stands for, if it has one. */
    static Optional<String> laxGoVersion(String raw) {
        Matcher m = LAX_GO_VERSION.matcher(raw);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static boolean isToolchain(String raw) {
        return TOOLCHAIN.matcher(raw).matches();
    }

    /**
     * Reads argument i as a string: a double-quoted literal, or a bare word without quote
     * characters (back quotes included, so raw literals are refused here).
     *
     * @throws Problem saying why it is malformed; callers prefix "invalid quoted string: "
     */
    static String string(List<String> args, int i) {
        String token = args.get(i);
        String value;
        if (token.startsWith("\"")) {
            value = GoText.unquote(token).orElseThrow(() -> new Problem("invalid syntax"));
        } else if (token.indexOf('"') >= 0 || token.indexOf('\'') >= 0 || token.indexOf('`') >= 0) {
            throw new Problem("unquoted string cannot contain quote");
        } else {
            value = token;
        }
        args.set(i, GoText.autoQuote(value));
        return value;
    }

    /** {@link #string} with the {@code invalid quoted string} wording of most directives. */
    static String quotedString(List<String> args, int i) {
        try {
            return string(args, i);
        } catch (Problem p) {
            throw new Problem("invalid quoted string: " + p.getMessage());
        }
    }

    /**
     * Reads argument i as a version of path and rewrites it in canonical form ({@code v1.2} becomes
     * {@code v1.2.0}).
     */
    static String canonicalVersion(String verb, String path, List<String> args, int i) {
        String version = versionString(verb, path, args, i);
        String canonical = GoText.fromJava(ModulePath.canonicalVersion(GoText.toJava(version)));
        if (canonical.isEmpty()) {
            throw new Problem(directive(verb, path) + invalidVersion(version, "must be of the form v1.2.3"));
        }
        args.set(i, canonical);
        return canonical;
    }

    /**
     * Reads argument i as a retracted version, which x/mod takes as written: unquoted, but neither
     * checked nor canonicalized.
     */
    static String retractedVersion(List<String> args, int i) {
        String version = versionString("retract", "", args, i);
        args.set(i, version);
        return version;
    }

    private static String versionString(String verb, String path, List<String> args, int i) {
        String token = args.get(i);
        try {
            return string(args, i);
        } catch (Problem p) {
            throw new Problem(directive(verb, path) + invalidVersion(token, p.getMessage()));
        }
    }

    private static String invalidVersion(String raw, String reason) {
        return "version " + GoText.toJava(GoText.quote(raw)) + " invalid: " + reason;
    }

    /** The "verb path: " that starts messages about one module. */
    static String directive(String verb, String path) {
        return GoText.toJava(verb) + (path.isEmpty() ? "" : " " + GoText.toJava(path)) + ": ";
    }

    /** The major-version suffix of a module path ({@code /v2}, {@code .v1}, or ""). */
    static String pathMajor(String path) {
        return ModulePath.splitPathVersion(GoText.toJava(path))
                .map(split -> GoText.fromJava(split.pathMajor()))
                .orElseThrow(() -> new Problem("invalid module path"));
    }

    /** Checks that a canonical version suits the path's major-version suffix. */
    static void checkPathMajor(String verb, String path, String version, String pathMajor) {
        try {
            ModulePath.checkPathMajor(GoText.toJava(version), GoText.toJava(pathMajor));
        } catch (InvalidVersionException e) {
            throw new Problem(directive(verb, path) + e.getMessage());
        }
    }

    /**
     * A retracted interval read from the front of a retract directive's arguments.
     *
     * @param length how many arguments it took: 1, or 5 for {@code [ low , high ]}
     */
    record Interval(String low, String high, int length) {
    }

    /** Reads a retraction at the start of args: one version, or {@code [low, high]}. */
    static Interval interval(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("(")) {
            throw new Problem("expected '[' or version");
        }
        if (!args.get(0).equals("[")) {
            String v = retractedVersion(args, 0);
            return new Interval(v, v, 1);
        }
        expect(args, 1, null, "expected version after '['");
        String low = retractedVersion(args, 1);
        expect(args, 2, ",", "expected ',' after version");
        expect(args, 3, null, "expected version after ','");
        String high = retractedVersion(args, 3);
        expect(args, 4, "]", "expected ']' after version");
        return new Interval(low, high, 5);
    }

    private static void expect(List<String> args, int i, String token, String message) {
        if (args.size() <= i || (token != null && !args.get(i).equals(token))) {
            throw new Problem(message);
        }
    }

    /** A replace directive's values as raw text; the versions may be "" (see {@link Replacement}). */
    record ReplaceArgs(String oldPath, String oldVersion, String newPath, String newVersion) {
        Replacement decode() {
            return new Replacement(DirectiveParser.moduleVersion(oldPath, oldVersion),
                    DirectiveParser.moduleVersion(newPath, newVersion));
        }
    }

    /** Reads {@code old [version] => new [version]}. */
    static ReplaceArgs replacement(String verb, List<String> args) {
        int arrow = args.size() >= 2 && args.get(1).equals("=>") ? 1 : 2;
        if (args.size() < arrow + 2 || args.size() > arrow + 3 || !args.get(arrow).equals("=>")) {
            String v = GoText.toJava(verb);
            throw new Problem("usage: " + v + " module/path [v1.2.3] => other/module v1.4\n\t or "
                    + v + " module/path [v1.2.3] => ../local/directory");
        }
        String oldPath = quotedString(args, 0);
        String pathMajor;
        try {
            pathMajor = pathMajor(oldPath);
        } catch (Problem p) {
            throw new Problem(directive(verb, oldPath) + p.getMessage());
        }
        String oldVersion = "";
        if (arrow == 2) {
            oldVersion = canonicalVersion(verb, oldPath, args, 1);
            checkPathMajor(verb, oldPath, oldVersion, pathMajor);
        }
        String newPath = quotedString(args, arrow + 1);
        String newVersion = "";
        if (args.size() == arrow + 2) {
            if (!isDirectoryPath(newPath)) {
                throw new Problem(newPath.contains("@")
                        ? "replacement module must match format 'path version', not 'path@version'"
                        : "replacement module without version must be directory path"
                                + " (rooted or starting with . or ..)");
            }
            // x/mod refuses backslashes only on systems with '/' separators; gosync acts like one.
            if (newPath.contains("\\")) {
                throw new Problem("replacement directory appears to be Windows path (on a non-windows system)");
            }
        } else {
            newVersion = canonicalVersion(verb, newPath, args, arrow + 2);
            if (isDirectoryPath(newPath)) {
                throw new Problem("replacement module directory path " + GoText.toJava(GoText.quote(newPath))
                        + " cannot have version");
            }
        }
        return new ReplaceArgs(oldPath, oldVersion, newPath, newVersion);
    }

    /**
     * Whether a replacement target names a directory rather than a module: {@code .}, {@code ..},
     * a path starting with either and a slash or backslash, a rooted path, or a drive letter. Both
     * Unix and Windows forms count, since go.mod files travel between systems.
     */
    static boolean isDirectoryPath(String path) {
        return path.equals(".") || path.startsWith("./") || path.startsWith(".\\")
                || path.equals("..") || path.startsWith("../") || path.startsWith("..\\")
                || path.startsWith("/") || path.startsWith("\\")
                || (path.length() >= 2 && isAsciiLetter(path.charAt(0)) && path.charAt(1) == ':');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * The text of the comments on a directive, one comment per line without its {@code //}: the
     * comments above and after its line, or when it has none, those of its block.
     */
    static String directiveComment(LineBlock block, Line line) {
        Comments comments = line.comments();
        if (block != null && comments.before.isEmpty() && comments.suffix.isEmpty()) {
            comments = block.comments();
        }
        List<String> lines = new ArrayList<>();
        for (List<Comment> group : List.of(comments.before, comments.suffix)) {
            for (Comment c : group) {
                // Blank-line markers are not comments; a bare "//" is an empty line of text.
                if (c.text().startsWith("//")) {
                    lines.add(GoText.trimSpace(c.text().substring(2)));
                }
            }
        }
        return String.join("\n", lines);
    }

    /**
     * The deprecation message in a module directive's comments: the rest of the first paragraph
     * that starts with {@code Deprecated:} (case-sensitive); empty when there is none.
     */
    static String deprecation(String comment) {
        Matcher m = DEPRECATION.matcher(comment);
        return m.find() ? m.group(1) : "";
    }
}
