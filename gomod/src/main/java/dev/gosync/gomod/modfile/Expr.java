package dev.gosync.gomod.modfile;

/**
 * A node of the syntax tree. Nodes are mutable: directive parsing rewrites tokens into their
 * canonical spelling, and formatting moves, drops and merges nodes, as x/mod does on its tree.
 */
sealed interface Expr permits CommentBlock, Line, LineBlock, Paren {
    Position start();

    /** Where the node ends, excluding comments. */
    Position end();

    Comments comments();

    /** Whether the node starts and ends on the same line; only such nodes take end-of-line comments. */
    default boolean isOneLine() {
        return start().line() == end().line();
    }
}
