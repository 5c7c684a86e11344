package dev.gosync.gomod.resolve;

/**
 * How far below a module the graph loader reads go.mod files (the go command's {@code modPruning}).
 */
enum Pruning {
    /**
     * Go 1.17 and later: a module's go.mod names every module its packages need, so the
     * requirements of its requirements are left unread.
     */
    PRUNED,
    /** Before Go 1.17: everything below the module is read, every version reached included. */
    UNPRUNED,
    /**
     * A go.work workspace: like {@link #PRUNED} below each workspace module, plus the
     * requirements of every version selected above what a workspace module asked for.
     */
    WORKSPACE;

    /** The pruning a module's own go line ("" for none) asks for. */
    static Pruning of(String goLine) {
        return GoVersions.prunes(goLine) ? PRUNED : UNPRUNED;
    }
}
