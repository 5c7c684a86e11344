package dev.gosync.gomod.zip;

import dev.gosync.gomod.GoVersion;

/**
 * The language version of a go line, compared as Go's {@code go/version} compares
 * {@code version.Lang("go" + line)}: only major and minor count, a custom toolchain suffix
 * ({@code -bigcorp}) is ignored, and a line that is not a valid Go version has no language
 * version and is older than every real one.
 */
final class GoLanguage {
    private GoLanguage() {
    }

    /** Whether goVersion's language version is at least major.minor. */
    static boolean atLeast(String goVersion, int major, int minor) {
        int dash = goVersion.indexOf('-');
        String v = dash < 0 ? goVersion : goVersion.substring(0, dash);
        return GoVersion.isValid(v) && GoVersion.compare(GoVersion.lang(v), major + "." + minor) >= 0;
    }
}
