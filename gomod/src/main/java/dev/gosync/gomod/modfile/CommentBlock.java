package dev.gosync.gomod.modfile;

/** Whole-line comments at the top level that belong to no statement (a blank line follows them). */
final class CommentBlock implements Expr {
    private final Comments comments = new Comments();
    private final Position start;

    CommentBlock(Position start) {
        this.start = start;
    }

    @Override
    public Position start() {
        return start;
    }

    @Override
    public Position end() {
        return start;
    }

    @Override
    public Comments comments() {
        return comments;
    }
}
