package dev.gosync.bundle.sign.sshsig;

/**
 * OpenSSH pattern lists, as allowed_signers uses them for principals and namespaces: patterns
 * separated by commas, {@code *} matching any run of characters and {@code ?} any one character,
 * a leading {@code !} negating a pattern. A list matches when some pattern matches and no
 * negated pattern does; case matters.
 */
final class SignerPatterns {

    private SignerPatterns() {
    }

    static boolean listMatches(String value, String patternList) {
        boolean positive = false;
        for (String pattern : patternList.split(",", -1)) {
            boolean negated = pattern.startsWith("!");
            if (matches(value, negated ? pattern.substring(1) : pattern)) {
                if (negated) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }

    /** Glob match with backtracking to the last {@code *} only, so the cost stays linear-ish. */
    static boolean matches(String value, String pattern) {
        int v = 0;
        int p = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                v++;
                p++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
