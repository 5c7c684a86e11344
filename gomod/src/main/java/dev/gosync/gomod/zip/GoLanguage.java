package dev.gosync.gomod.zip;

/**
 * The language version of a go line, compared as Go's {@code go/version} compares
 * {@code version.Lang("go" + line)}: only major and minor count, and a line that is not a valid
 * Go version (such as {@code 1.21.3rc1}: Go allows no prerelease of a patch release) has no
 * language version and is older than every real one.
 */
final class GoLanguage {
    private GoLanguage() {
    }

    /** Whether goVersion's language version is at least major.minor. */
    static boolean atLeast(String goVersion, int major, int minor) {
        String[] lang = parse(goVersion);
        if (lang == null) {
            return false;
        }
        int c = compareNumbers(lang[0], Integer.toString(major));
        return c != 0 ? c > 0 : compareNumbers(lang[1], Integer.toString(minor)) >= 0;
    }

    /** {major, minor} of a valid Go version ("2" alone counts as 2.0), or null. */
    private static String[] parse(String v) {
        int dash = v.indexOf('-');
        String s = dash < 0 ? v : v.substring(0, dash);
        int majorEnd = numberEnd(s, 0);
        if (majorEnd < 0) {
            return null;
        }
        String major = s.substring(0, majorEnd);
        if (majorEnd == s.length()) {
            return new String[] {major, "0"};
        }
        if (s.charAt(majorEnd) != '.') {
            return null;
        }
        int minorEnd = numberEnd(s, majorEnd + 1);
        if (minorEnd < 0 || !validTail(s, minorEnd)) {
            return null;
        }
        return new String[] {major, s.substring(majorEnd + 1, minorEnd)};
    }

    /** After major.minor: nothing, {@code .patch}, or a prerelease like {@code rc1} (letters, then an optional number). */
    private static boolean validTail(String s, int i) {
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) == '.') {
            return numberEnd(s, i + 1) == s.length();
        }
        int letters = i;
        while (letters < s.length() && s.charAt(letters) >= 'a' && s.charAt(letters) <= 'z') {
            letters++;
        }
        if (letters == i || (letters < s.length() && !isDigit(s.charAt(letters)))) {
            return false;
        }
        return letters == s.length() || numberEnd(s, letters) == s.length();
    }

    /** The end of a decimal number without leading zeros starting at i, or -1. */
    private static int numberEnd(String s, int i) {
        int end = i;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        if (end == i || (s.charAt(i) == '0' && end - i > 1)) {
            return -1;
        }
        return end;
    }

    private static int compareNumbers(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
