package dev.gosync.gomod.resolve;

import dev.gosync.gomod.GoVersion;

/**
 * The go lines that change how the go command resolves modules; versions compare as
 * {@link GoVersion} orders them.
 */
final class GoVersions {
    /** The first go line whose module graph is pruned (its go.mod lists every module it needs). */
    static final String PRUNING = "1.17";
    /** What a go.mod without a go line is taken to say. */
    static final String DEFAULT_GO_MOD = "1.16";
    /** What a go.work without a go line is taken to say. */
    static final String DEFAULT_GO_WORK = "1.18";
    /** From this version on, a go line is a hard minimum that other modules' requirements carry. */
    static final String STRICT = "1.21";

    private GoVersions() {
    }

    /** Whether a module with this go line ("" for none) has a pruned module graph. */
    static boolean prunes(String goLine) {
        return GoVersion.compare(goLine.isEmpty() ? DEFAULT_GO_MOD : goLine, PRUNING) >= 0;
    }
}
