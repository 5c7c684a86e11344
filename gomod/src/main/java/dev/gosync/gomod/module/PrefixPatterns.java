package dev.gosync.gomod.module;

/**
 * The module-path matching of GOPRIVATE, GONOPROXY, GONOSUMDB and GOINSECURE: a comma-separated
 * list of {@link PathPattern} globs, where a glob with k slashes is matched against the first k+1
 * elements of the path. {@code *.corp.example} thus matches {@code git.corp.example/team/repo},
 * while {@code corp.example} does not match {@code corp.example.evil}.
 */
public final class PrefixPatterns {
    private PrefixPatterns() {
    }

    /**
     * Whether a path prefix of target matches one of the globs. Empty and malformed globs are
     * skipped, as the go command skips them, and a trailing slash on a glob is ignored.
     */
    public static boolean matches(String globs, String target) {
        int start = 0;
        while (start < globs.length()) {
            int comma = globs.indexOf(',', start);
            int end = comma < 0 ? globs.length() : comma;
            String glob = globs.substring(start, end);
            start = comma < 0 ? globs.length() : comma + 1;
            if (glob.endsWith("/")) {
                glob = glob.substring(0, glob.length() - 1);
            }
            if (!glob.isEmpty() && matchesGlob(glob, target)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesGlob(String glob, String target) {
        int slashes = (int) glob.chars().filter(c -> c == '/').count();
        int cut = target.length();
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) == '/') {
                if (slashes == 0) {
                    cut = i;
                    break;
                }
                slashes--;
            }
        }
        if (slashes > 0) {
            return false;
        }
        try {
            return PathPattern.match(glob, target.substring(0, cut));
        } catch (PathPattern.BadPatternException e) {
            return false;
        }
    }
}
