package dev.gosync.gomod.modfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The syntax tree of a whole go.mod or go.work file: top-level statements and comment blocks, in order. */
final class SyntaxFile {
    final String name;
    /** {@code before} holds end-of-line comments that no statement could take. */
    final Comments comments = new Comments();
    final List<Expr> statements = new ArrayList<>();

    SyntaxFile(String name) {
        this.name = name;
    }

    /**
     * Deletes the given lines (lines compare by identity) and every block left without lines,
     * whatever its comments.
     */
    void removeLines(Set<Line> dead) {
        List<Expr> kept = new ArrayList<>();
        for (Expr stmt : statements) {
            if (stmt instanceof Line line && dead.contains(line)) {
                continue;
            }
            if (stmt instanceof LineBlock block) {
                block.lines.removeIf(dead::contains);
                if (block.lines.isEmpty()) {
                    continue;
                }
            }
            kept.add(stmt);
        }
        statements.clear();
        statements.addAll(kept);
    }

    /**
     * Turns each block holding a single line, and no comment above its closing parenthesis, into
     * a plain line. The line takes the block's comments; those on the parentheses themselves are
     * lost, as they are in {@code go mod edit}.
     */
    void collapseSingleLineBlocks() {
        statements.replaceAll(stmt -> {
            if (stmt instanceof LineBlock block && block.lines.size() == 1 && block.close.comments().before.isEmpty()) {
                return merge(block, block.lines.get(0));
            }
            return stmt;
        });
    }

    private static Line merge(LineBlock block, Line inner) {
        List<String> tokens = new ArrayList<>(block.tokens);
        tokens.addAll(inner.tokens);
        Line line = new Line(Position.NONE, Position.NONE, tokens);
        Comments c = line.comments();
        c.before.addAll(block.comments().before);
        c.before.addAll(inner.comments().before);
        c.suffix.addAll(inner.comments().suffix);
        c.suffix.addAll(block.comments().suffix);
        return line;
    }
}
