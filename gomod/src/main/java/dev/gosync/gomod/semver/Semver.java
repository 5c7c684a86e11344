package dev.gosync.gomod.semver;

import dev.gosync.gomod.GoStrings;
import java.util.Comparator;
import java.util.List;

/**
 * Semantic versions as Go modules use them: {@code vMAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]]},
 * with the leading {@code v} required and the short forms {@code v1} and {@code v1.2} accepted as
 * shorthands for {@code v1.0.0} and {@code v1.2.0}. Invalid strings are not errors here: they
 * sort below every valid version and the accessors answer "".
 *
 * <p>Numbers are unbounded ({@code v1.99999999999999999999.0} is valid), so they are compared as
 * digit strings and never parsed into a machine integer.
 */
public final class Semver {
    /** Version order with ties (such as {@code v1} and {@code v1.0.0}) broken by byte order, as semver.Sort does. */
    public static final Comparator<String> ORDER = (a, b) -> {
        int c = compare(a, b);
        return c != 0 ? c : GoStrings.compare(a, b);
    };

    private Semver() {
    }

    /** The parts of a valid version; {@code shortSuffix} is what the short forms leave out. */
    private record Parsed(String major, String minor, String patch, String shortSuffix,
                          String prerelease, String build) {
    }

    public static boolean isValid(String v) {
        return parse(v) != null;
    }

    /**
     * The canonical form: short forms filled in with {@code .0}, build metadata dropped
     * ({@code v1.2} → {@code v1.2.0}, {@code v1.2.3+meta} → {@code v1.2.3}); "" when invalid.
     */
    public static String canonical(String v) {
        Parsed p = parse(v);
        if (p == null) {
            return "";
        }
        if (!p.build.isEmpty()) {
            return v.substring(0, v.length() - p.build.length());
        }
        return v + p.shortSuffix;
    }

    /** The major version prefix ({@code v2.1.0} → {@code v2}); "" when invalid. */
    public static String major(String v) {
        Parsed p = parse(v);
        return p == null ? "" : v.substring(0, 1 + p.major.length());
    }

    /** The major.minor prefix ({@code v2.1.0} → {@code v2.1}, {@code v2} → {@code v2.0}); "" when invalid. */
    public static String majorMinor(String v) {
        Parsed p = parse(v);
        if (p == null) {
            return "";
        }
        int end = 1 + p.major.length();
        // The short form v2 has no minor in the string itself; the parsed "0" supplies it.
        if (end < v.length() && v.charAt(end) == '.') {
            return v.substring(0, end + 1 + p.minor.length());
        }
        return v.substring(0, end) + "." + p.minor;
    }

    /** The prerelease suffix including its leading {@code -}; "" when absent or invalid. */
    public static String prerelease(String v) {
        Parsed p = parse(v);
        return p == null ? "" : p.prerelease;
    }

    /** The build suffix including its leading {@code +}; "" when absent or invalid. */
    public static String build(String v) {
        Parsed p = parse(v);
        return p == null ? "" : p.build;
    }

    /**
     * Compares by semantic-version precedence: -1, 0 or +1. Build metadata is ignored, invalid
     * versions are equal to each other and below every valid one.
     */
    public static int compare(String v, String w) {
        Parsed pv = parse(v);
        Parsed pw = parse(w);
        if (pv == null || pw == null) {
            return Boolean.compare(pv != null, pw != null);
        }
        int c = compareNumbers(pv.major, pw.major);
        if (c == 0) {
            c = compareNumbers(pv.minor, pw.minor);
        }
        if (c == 0) {
            c = compareNumbers(pv.patch, pw.patch);
        }
        if (c == 0) {
            c = comparePrerelease(pv.prerelease, pw.prerelease);
        }
        return c;
    }

    /** The larger of two versions in canonical form; with two invalid versions, "". */
    public static String max(String v, String w) {
        String cv = canonical(v);
        String cw = canonical(w);
        return compare(cv, cw) > 0 ? cv : cw;
    }

    /** Sorts the list in place by {@link #ORDER}. */
    public static void sort(List<String> versions) {
        versions.sort(ORDER);
    }

    private static Parsed parse(String v) {
        if (v.isEmpty() || v.charAt(0) != 'v') {
            return null;
        }
        int majorEnd = numberEnd(v, 1);
        if (majorEnd < 0) {
            return null;
        }
        String major = v.substring(1, majorEnd);
        if (majorEnd == v.length()) {
            return new Parsed(major, "0", "0", ".0.0", "", "");
        }
        if (v.charAt(majorEnd) != '.') {
            return null;
        }
        int minorEnd = numberEnd(v, majorEnd + 1);
        if (minorEnd < 0) {
            return null;
        }
        String minor = v.substring(majorEnd + 1, minorEnd);
        if (minorEnd == v.length()) {
            return new Parsed(major, minor, "0", ".0", "", "");
        }
        if (v.charAt(minorEnd) != '.') {
            return null;
        }
        int patchEnd = numberEnd(v, minorEnd + 1);
        if (patchEnd < 0) {
            return null;
        }
        String patch = v.substring(minorEnd + 1, patchEnd);
        int pos = patchEnd;
        String prerelease = "";
        if (pos < v.length() && v.charAt(pos) == '-') {
            int end = v.indexOf('+', pos);
            end = end < 0 ? v.length() : end;
            if (!validIdentifiers(v, pos + 1, end, true)) {
                return null;
            }
            prerelease = v.substring(pos, end);
            pos = end;
        }
        String build = "";
        if (pos < v.length() && v.charAt(pos) == '+') {
            if (!validIdentifiers(v, pos + 1, v.length(), false)) {
                return null;
            }
            build = v.substring(pos);
            pos = v.length();
        }
        if (pos != v.length()) {
            return null;
        }
        return new Parsed(major, minor, patch, "", prerelease, build);
    }

    /** The end of a decimal number without leading zeros starting at {@code start}, or -1. */
    private static int numberEnd(String v, int start) {
        int i = start;
        while (i < v.length() && isDigit(v.charAt(i))) {
            i++;
        }
        if (i == start || (v.charAt(start) == '0' && i - start > 1)) {
            return -1;
        }
        return i;
    }

    /**
     * Whether {@code v[start, end)} is a dot-separated list of non-empty {@code [0-9A-Za-z-]}
     * identifiers; in a prerelease, all-digit identifiers must also lack leading zeros.
     */
    private static boolean validIdentifiers(String v, int start, int end, boolean numericRule) {
        int identStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || v.charAt(i) == '.') {
                if (i == identStart || (numericRule && hasLeadingZero(v, identStart, i))) {
                    return false;
                }
                identStart = i + 1;
            } else if (!isIdentChar(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLeadingZero(String v, int start, int end) {
        return end - start > 1 && v.charAt(start) == '0' && isNumeric(v.substring(start, end));
    }

    private static boolean isIdentChar(char c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Unbounded decimal comparison: a longer number (no leading zeros) is larger. */
    private static int compareNumbers(String x, String y) {
        if (x.length() != y.length()) {
            return x.length() < y.length() ? -1 : 1;
        }
        return Integer.signum(x.compareTo(y));
    }

    /**
     * Prerelease precedence: a release beats any prerelease; identifiers compare pairwise with
     * numbers below words and numbers by value; when one list is a prefix of the other, the
     * longer list wins.
     */
    private static int comparePrerelease(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        if (x.isEmpty() || y.isEmpty()) {
            return x.isEmpty() ? 1 : -1;
        }
        String[] xs = x.substring(1).split("\\.", -1);
        String[] ys = y.substring(1).split("\\.", -1);
        for (int i = 0; i < xs.length && i < ys.length; i++) {
            int c = compareIdentifiers(xs[i], ys[i]);
            if (c != 0) {
                return c;
            }
        }
        return xs.length < ys.length ? -1 : 1;
    }

    private static int compareIdentifiers(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        boolean nx = isNumeric(x);
        boolean ny = isNumeric(y);
        if (nx != ny) {
            return nx ? -1 : 1;
        }
        if (nx && x.length() != y.length()) {
            return x.length() < y.length() ? -1 : 1;
        }
        return x.compareTo(y) < 0 ? -1 : 1;
    }
}
