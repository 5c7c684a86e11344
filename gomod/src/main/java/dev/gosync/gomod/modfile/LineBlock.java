package dev.gosync.gomod.modfile;

import java.util.ArrayList;
import java.util.List;

/** A factored block, {@code require ( … )}: the shared leading tokens and the lines inside. */
final class LineBlock implements Expr {
    private final Comments comments = new Comments();
    private final Position start;
    final List<String> tokens;
    final Paren open;
    final List<Line> lines = new ArrayList<>();
    final Paren close;

    LineBlock(Position start, List<String> tokens, Paren open, Paren close) {
        this.start = start;
        this.tokens = new ArrayList<>(tokens);
        this.open = open;
        this.close = close;
    }

    String verb() {
        return tokens.get(0);
    }

    @Override
    public Position start() {
        return start;
    }

    @Override
    public Position end() {
        return close.end();
    }

    @Override
    public Comments comments() {
        return comments;
    }
}
