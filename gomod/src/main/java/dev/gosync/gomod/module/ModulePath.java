package dev.gosync.gomod.module;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GoUnicode;
import dev.gosync.gomod.semver.InvalidVersionException;
import dev.gosync.gomod.semver.Semver;
import java.util.List;
import java.util.Optional;

/**
 * The naming rules for module paths, package import paths and file paths inside modules, and
 * the link between a module path's major-version suffix ({@code /v2}, gopkg.in's {@code .v2})
 * and the versions it may carry. Error messages follow golang.org/x/mod word for word.
 */
public final class ModulePath {
    /** Reserved device names on Windows; no path element may use one before its first dot, in any case. */
    private static final List<String> WINDOWS_DEVICE_NAMES = List.of(
            "CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final String FILE_PUNCTUATION = "!#$%&()+,-.=@[]^_{}~ ";
    private static final String GOPKG_IN = "gopkg.in/";
    private static final String UNSTABLE = "-unstable";

    private ModulePath() {
    }

    /**
     * A module path split into the part before its major-version suffix and the suffix itself:
     * {@code /vN} (N ≥ 2), or for gopkg.in {@code .vN} with an optional {@code -unstable}, or "".
     */
    public record SplitPath(String prefix, String pathMajor) {
    }

    /**
     * Checks a module path: a valid import path without {@code +}, whose first element is a
     * lower-case domain-like name with a dot, no element starts with a dot, and whose
     * major-version suffix, if any, is well formed.
     *
     * @throws InvalidPathException naming the path and the first rule it breaks
     */
    public static void checkPath(String path) {
        String reason = pathProblem(path, PathKind.MODULE);
        if (reason == null) {
            reason = firstElementProblem(path);
        }
        if (reason == null && splitPathVersion(path).isEmpty()) {
            reason = "invalid version";
        }
        if (reason != null) {
            throw InvalidPathException.malformed(PathKind.MODULE, path, reason);
        }
    }

    /**
     * Checks a package import path: non-empty slash-separated elements of ASCII letters, digits
     * and {@code -._~+}, no leading dash, no element that is all dots or ends in a dot, no Windows
     * device name and no Windows short-name look-alike ({@code ~} and digits at the end).
     *
     * @throws InvalidPathException naming the path and the first rule it breaks
     */
    public static void checkImportPath(String path) {
        check(path, PathKind.IMPORT);
    }

    /**
     * Checks a file path inside a module: like an import path, but elements may also hold letters
     * as Go's Unicode tables define them ({@link GoUnicode#isLetter}), spaces and
     * {@code !#$%&()+,-.=@[]^_{}~}, and may start with a dash.
     *
     * @throws InvalidPathException naming the path and the first rule it breaks
     */
    public static void checkFilePath(String path) {
        check(path, PathKind.FILE);
    }

    /**
     * Splits off the major-version suffix. Empty when the path ends in a malformed one
     * ({@code /v0}, {@code /v1}, {@code /v02}, {@code /v2.1}) or is a gopkg.in path without
     * {@code .vN}. Only the suffix is examined, not the rest of the path.
     */
    public static Optional<SplitPath> splitPathVersion(String path) {
        if (path.startsWith(GOPKG_IN)) {
            return splitGopkgIn(path);
        }
        int i = path.length();
        boolean dot = false;
        while (i > 0 && (isDigit(path.charAt(i - 1)) || path.charAt(i - 1) == '.')) {
            dot |= path.charAt(i - 1) == '.';
            i--;
        }
        if (i <= 1 || i == path.length() || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '/') {
            return Optional.of(new SplitPath(path, ""));
        }
        String pathMajor = path.substring(i - 2);
        if (dot || pathMajor.charAt(2) == '0' || pathMajor.equals("/v1")) {
            return Optional.empty();
        }
        return Optional.of(new SplitPath(path.substring(0, i - 2), pathMajor));
    }

    /**
     * Checks that version v suits a path with major-version suffix pathMajor: none accepts v0,
     * v1 and {@code +incompatible} versions, {@code /vN} and {@code .vN} require major N. gopkg.in
     * {@code .v1} paths also accept {@code v0.0.0-} pseudo-versions, which old go commands made.
     *
     * @throws InvalidVersionException saying which major version was expected
     */
    public static void checkPathMajor(String v, String pathMajor) {
        String problem = pathMajorProblem(v, pathMajor);
        if (problem != null) {
            throw new InvalidVersionException(v, false, problem);
        }
    }

    /** Whether {@link #checkPathMajor} accepts the pair. */
    public static boolean matchPathMajor(String v, String pathMajor) {
        return pathMajorProblem(v, pathMajor) == null;
    }

    /**
     * Checks a module path and version pair: a valid path, a valid semantic version, and a
     * major version that suits the path's suffix.
     *
     * @throws InvalidPathException if the path is invalid
     * @throws InvalidVersionException if the version is invalid or does not suit the path
     */
    public static void check(String path, String version) {
        checkPath(path);
        String problem = Semver.isValid(version) ? null : "not a semantic version";
        if (problem == null) {
            // checkPath has just made sure the split succeeds.
            problem = pathMajorProblem(version, splitPathVersion(path).orElseThrow().pathMajor());
        }
        if (problem != null) {
            throw new InvalidVersionException(version,
                    path + "@" + version + ": invalid version: " + problem, null);
        }
    }

    /** Like {@link Semver#canonical} but keeps a {@code +incompatible} build suffix; "" when invalid. */
    public static String canonicalVersion(String v) {
        String canonical = Semver.canonical(v);
        return Semver.build(v).equals("+incompatible") ? canonical + "+incompatible" : canonical;
    }

    /**
     * Why a single element fails the rules of kind, or null when it passes. Versions in escaped
     * proxy paths are checked as one file-path element.
     */
    static String elementProblem(String elem, PathKind kind) {
        if (elem.isEmpty()) {
            return "empty path element";
        }
        if (elem.chars().allMatch(c -> c == '.')) {
            return "invalid path element " + GoStrings.quote(elem);
        }
        if (elem.charAt(0) == '.' && kind == PathKind.MODULE) {
            return "leading dot in path element";
        }
        if (elem.charAt(elem.length() - 1) == '.') {
            return "trailing dot in path element";
        }
        for (int i = 0; i < elem.length(); ) {
            int c = elem.codePointAt(i);
            if (!allowed(c, kind)) {
                return "invalid char " + GoStrings.quoteRune(c);
            }
            i += Character.charCount(c);
        }
        int dot = elem.indexOf('.');
        String shortName = dot < 0 ? elem : elem.substring(0, dot);
        for (String device : WINDOWS_DEVICE_NAMES) {
            if (equalsIgnoreAsciiCase(device, shortName)) {
                return GoStrings.quote(shortName) + " disallowed as path element component on Windows";
            }
        }
        // Windows short names such as PROGRA~1 can alias another directory; x/mod guards module and
        // import paths against them but leaves file names alone.
        if (kind != PathKind.FILE && endsInTildeDigits(shortName)) {
            return "trailing tilde and digits in path element";
        }
        return null;
    }

    private static void check(String path, PathKind kind) {
        String reason = pathProblem(path, kind);
        if (reason != null) {
            throw InvalidPathException.malformed(kind, path, reason);
        }
    }

    /** The rules common to all three kinds; null when the path passes them. */
    private static String pathProblem(String path, PathKind kind) {
        if (!GoStrings.isValidUtf8(path)) {
            return "invalid UTF-8";
        }
        if (path.isEmpty()) {
            return "empty string";
        }
        if (path.charAt(0) == '-' && kind != PathKind.FILE) {
            return "leading dash";
        }
        if (path.contains("//")) {
            return "double slash";
        }
        if (path.endsWith("/")) {
            return "trailing slash";
        }
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            String problem = elementProblem(slash < 0 ? path.substring(start) : path.substring(start, slash), kind);
            if (problem != null || slash < 0) {
                return problem;
            }
            start = slash + 1;
        }
    }

    /** The extra rules for a module path's first element, once the common rules have passed. */
    private static String firstElementProblem(String path) {
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        if (first.indexOf('.') < 0) {
            return "missing dot in first path element";
        }
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (!(c == '-' || c == '.' || isDigit(c) || (c >= 'a' && c <= 'z'))) {
                return "invalid char " + GoStrings.quoteRune(c) + " in first path element";
            }
        }
        return null;
    }

    private static Optional<SplitPath> splitGopkgIn(String path) {
        int i = path.endsWith(UNSTABLE) ? path.length() - UNSTABLE.length() : path.length();
        while (i > 0 && isDigit(path.charAt(i - 1))) {
            i--;
        }
        if (i <= 1 || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '.') {
            return Optional.empty();
        }
        String pathMajor = path.substring(i - 2);
        if (pathMajor.length() <= 2 || (pathMajor.charAt(2) == '0' && !pathMajor.equals(".v0"))) {
            return Optional.empty();
        }
        return Optional.of(new SplitPath(path.substring(0, i - 2), pathMajor));
    }

    private static String pathMajorProblem(String v, String pathMajor) {
        if (pathMajor.startsWith(".v") && pathMajor.endsWith(UNSTABLE)) {
            pathMajor = pathMajor.substring(0, pathMajor.length() - UNSTABLE.length());
        }
        if (v.startsWith("v0.0.0-") && pathMajor.equals(".v1")) {
            return null;
        }
        String major = Semver.major(v);
        String expected;
        if (pathMajor.isEmpty()) {
            if (major.equals("v0") || major.equals("v1") || Semver.build(v).equals("+incompatible")) {
                return null;
            }
            expected = "v0 or v1";
        } else if (pathMajor.charAt(0) == '/' || pathMajor.charAt(0) == '.') {
            expected = pathMajor.substring(1);
            if (major.equals(expected)) {
                return null;
            }
        } else {
            expected = pathMajor;
        }
        return "should be " + expected + ", not " + major;
    }

    private static boolean allowed(int c, PathKind kind) {
        if (c >= 0x80) {
            return kind == PathKind.FILE && GoUnicode.isLetter(c);
        }
        if (isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            return true;
        }
        return switch (kind) {
            case MODULE -> "-._~".indexOf(c) >= 0;
            case IMPORT -> "-._~+".indexOf(c) >= 0;
            case FILE -> FILE_PUNCTUATION.indexOf(c) >= 0;
        };
    }

    private static boolean endsInTildeDigits(String shortName) {
        int tilde = shortName.lastIndexOf('~');
        if (tilde < 0 || tilde == shortName.length() - 1) {
            return false;
        }
        return shortName.substring(tilde + 1).chars().allMatch(ModulePath::isDigit);
    }

    private static boolean equalsIgnoreAsciiCase(String upper, String s) {
        if (upper.length() != s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char u = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
            if (u != upper.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
