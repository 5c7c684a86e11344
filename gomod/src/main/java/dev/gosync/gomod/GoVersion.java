package dev.gosync.gomod;

/**
 * Go toolchain versions as go lines state them ({@code 1.16}, {@code 1.21.3}, {@code 1.22rc1}),
 * without the {@code go} prefix, read and ordered as the go command does: numbers compared as
 * decimals of any length, a missing patch meaning {@code .0} before Go 1.21 but "the language,
 * older than any release" from 1.21 on ({@code 1.21 < 1.21rc1 < 1.21.0}), and malformed versions
 * (leading zeros, a prerelease of a patch release such as {@code 1.21.3rc1}) below every
 * well-formed one and equal to each other.
 */
public final class GoVersion {
    private GoVersion() {
    }

    /** The parts of a version; all "" for a malformed one. */
    private record Parsed(String major, String minor, String patch, String kind, String pre) {
        static final Parsed INVALID = new Parsed("", "", "", "", "");
    }

    /** -1, 0 or +1. */
    public static int compare(String x, String y) {
        Parsed a = parse(x);
        Parsed b = parse(y);
        int c = compareNumbers(a.major, b.major);
        if (c == 0) {
            c = compareNumbers(a.minor, b.minor);
        }
        if (c == 0) {
            c = compareNumbers(a.patch, b.patch);
        }
        if (c == 0) {
            // "" < alpha < beta < rc happens to be plain string order.
            c = Integer.signum(a.kind.compareTo(b.kind));
        }
        if (c == 0) {
            c = compareNumbers(a.pre, b.pre);
        }
        return c;
    }

    /** The later of two versions; x when they are equal. */
    public static String max(String x, String y) {
        return compare(x, y) < 0 ? y : x;
    }

    public static boolean isValid(String v) {
        return !parse(v).equals(Parsed.INVALID);
    }

    /**
     * The language version: major and minor ({@code 1.21.3} and {@code 1.21rc1} give
     * {@code 1.21}, {@code 2} gives {@code 2.0}), but {@code 1} for Go 1.0.
     */
    public static String lang(String v) {
        Parsed p = parse(v);
        return p.minor.isEmpty() || (p.major.equals("1") && p.minor.equals("0")) ? p.major : p.major + "." + p.minor;
    }

    private static Parsed parse(String x) {
        int majorEnd = numberEnd(x, 0);
        if (majorEnd < 0) {
            return Parsed.INVALID;
        }
        String major = x.substring(0, majorEnd);
        if (majorEnd == x.length()) {
            return new Parsed(major, "0", "0", "", "");
        }
        if (x.charAt(majorEnd) != '.') {
            return Parsed.INVALID;
        }
        int minorEnd = numberEnd(x, majorEnd + 1);
        if (minorEnd < 0) {
            return Parsed.INVALID;
        }
        String minor = x.substring(majorEnd + 1, minorEnd);
        if (minorEnd == x.length()) {
            return new Parsed(major, minor, compareNumbers(minor, "21") < 0 ? "0" : "", "", "");
        }
        if (x.charAt(minorEnd) == '.') {
            int patchEnd = numberEnd(x, minorEnd + 1);
            if (patchEnd != x.length()) {
                return Parsed.INVALID;
            }
            return new Parsed(major, minor, x.substring(minorEnd + 1), "", "");
        }
        int kindEnd = minorEnd;
        while (kindEnd < x.length() && x.charAt(kindEnd) >= 'a' && x.charAt(kindEnd) <= 'z') {
            kindEnd++;
        }
        if (kindEnd == minorEnd) {
            return Parsed.INVALID;
        }
        String kind = x.substring(minorEnd, kindEnd);
        if (kindEnd == x.length()) {
            return new Parsed(major, minor, "", kind, "");
        }
        int preEnd = numberEnd(x, kindEnd);
        if (preEnd != x.length()) {
            return Parsed.INVALID;
        }
        return new Parsed(major, minor, "", kind, x.substring(kindEnd));
    }

    /** The end of a decimal number without a needless leading zero starting at i, or -1. */
    private static int numberEnd(String s, int i) {
        int end = i;
        while (end < s.length() && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
            end++;
        }
        if (end == i || (s.charAt(i) == '0' && end - i > 1)) {
            return -1;
        }
        return end;
    }

    private static int compareNumbers(String x, String y) {
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return Integer.signum(x.compareTo(y));
    }
}
