package dev.gosync.gomod.modfile;

/** The opening or closing parenthesis of a block: a place for the comments on or above it. */
final class Paren implements Expr {
    private final Comments comments = new Comments();
    private final Position position;
    final String symbol;

    private Paren(Position position, String symbol) {
        this.position = position;
        this.symbol = symbol;
    }

    static Paren open(Position position) {
        return new Paren(position, "(");
    }

    static Paren close(Position position) {
        return new Paren(position, ")");
    }

    @Override
    public Position start() {
        return position;
    }

    @Override
    public Position end() {
        return position.nextColumn();
    }

    @Override
    public Comments comments() {
        return comments;
    }
}
