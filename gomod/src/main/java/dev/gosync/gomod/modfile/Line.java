package dev.gosync.gomod.modfile;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of tokens: a statement such as {@code require example.com/m v1.0.0}, or a line inside
 * a block, which lacks the block's leading verb. Tokens are raw text (see {@link GoText}).
 */
final class Line implements Expr {
    private final Comments comments = new Comments();
    private final Position start;
    private final Position end;
    final List<String> tokens;

    Line(Position start, Position end, List<String> tokens) {
        this.start = start;
        this.end = end;
        this.tokens = new ArrayList<>(tokens);
    }

    @Override
    public Position start() {
        return start;
    }

    @Override
    public Position end() {
        return end;
    }

    @Override
    public Comments comments() {
        return comments;
    }
}
