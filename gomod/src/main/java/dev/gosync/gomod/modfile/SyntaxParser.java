package dev.gosync.gomod.modfile;

import dev.gosync.gomod.modfile.Lexer.Kind;
import dev.gosync.gomod.modfile.Lexer.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds the syntax tree of a go.mod or go.work file, knowing nothing of directives: a statement
 * is a line of tokens, and a line ending in {@code (} opens a block that a line holding only
 * {@code )} closes. Whole-line comments go to the statement or block line below them (to a
 * comment block when a blank line follows); end-of-line comments go to the syntax they follow.
 */
final class SyntaxParser {
    private final Lexer lexer;
    private final SyntaxFile file;

    private SyntaxParser(String fileName, String text) {
        lexer = new Lexer(fileName, text);
        file = new SyntaxFile(fileName);
    }

    /**
     * Parses the raw text of a file.
     *
     * @throws ModFileException at the first lexical or syntax error
     */
    static SyntaxFile parse(String fileName, String text) {
        SyntaxParser parser = new SyntaxParser(fileName, text);
        parser.parseFile();
        parser.assignSuffixComments();
        return parser.file;
    }

    private void parseFile() {
        CommentBlock pending = null;
        while (true) {
            switch (lexer.peek()) {
                case NEWLINE -> {
                    lexer.lex();
                    if (pending != null) {
                        file.statements.add(pending);
                        pending = null;
                    }
                }
                case LINE_COMMENT -> {
                    Token token = lexer.lex();
                    if (pending == null) {
                        pending = new CommentBlock(token.start());
                    }
                    pending.comments().before.add(new Comment(token.start(), token.text(), false));
                }
                case EOF -> {
                    if (pending != null) {
                        file.statements.add(pending);
                    }
                    return;
                }
                default -> {
                    parseStatement();
                    if (pending != null) {
                        Expr stmt = file.statements.get(file.statements.size() - 1);
                        stmt.comments().before.addAll(pending.comments().before);
                        pending = null;
                    }
                }
            }
        }
    }

    private void parseStatement() {
        Token first = lexer.lex();
        Position start = first.start();
        Position end = first.end();
        List<String> tokens = new ArrayList<>();
        tokens.add(first.text());
        while (true) {
            Token token = lexer.lex();
            if (token.kind().endsLine()) {
                file.statements.add(new Line(start, end, tokens));
                return;
            }
            if (token.kind() == Kind.LPAREN) {
                if (lexer.peek().endsLine()) {
                    file.statements.add(parseBlock(start, tokens, token));
                    return;
                }
                if (lexer.peek() == Kind.RPAREN) {
                    Token close = lexer.lex();
                    if (lexer.peek().endsLine()) {
                        lexer.lex();
                        file.statements.add(
                                new LineBlock(start, tokens, Paren.open(token.start()), Paren.close(close.start())));
                        return;
                    }
                    // "( )" inside a line is two ordinary tokens.
                    tokens.add(token.text());
                    tokens.add(close.text());
                } else {
                    // So is a "(" that does not end its line; it does not extend the line's span.
                    tokens.add(token.text());
                }
                continue;
            }
            tokens.add(token.text());
            end = token.end();
        }
    }

    private LineBlock parseBlock(Position start, List<String> tokens, Token open) {
        List<Line> lines = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        while (true) {
            switch (lexer.peek()) {
                case SUFFIX_COMMENT -> lexer.lex();
                case NEWLINE -> {
                    lexer.lex();
                    // Keep one blank line between lines, or after comments, but none at the top.
                    boolean afterLine = comments.isEmpty() && !lines.isEmpty();
                    boolean afterComment = !comments.isEmpty() && !comments.get(comments.size() - 1).isBlankLine();
                    if (afterLine || afterComment) {
                        comments.add(Comment.BLANK_LINE);
                    }
                }
                case LINE_COMMENT -> {
                    Token token = lexer.lex();
                    comments.add(new Comment(token.start(), token.text(), false));
                }
                case EOF -> throw lexer.error("syntax error (unterminated block started at "
                        + file.name + ":" + start.line() + ":" + start.column() + ")");
                case RPAREN -> {
                    Token close = lexer.lex();
                    LineBlock block =
                            new LineBlock(start, tokens, Paren.open(open.start()), Paren.close(close.start()));
                    block.lines.addAll(lines);
                    // A lone blank line before ")" is not worth keeping.
                    if (!(comments.size() == 1 && comments.get(0) == Comment.BLANK_LINE)) {
                        block.close.comments().before.addAll(comments);
                    }
                    if (!lexer.peek().endsLine()) {
                        throw lexer.error("syntax error (expected newline after closing paren)");
                    }
                    lexer.lex();
                    return block;
                }
                default -> {
                    Line line = parseBlockLine();
                    line.comments().before.addAll(comments);
                    comments.clear();
                    lines.add(line);
                }
            }
        }
    }

    private Line parseBlockLine() {
        Token first = lexer.lex();
        Position end = first.end();
        List<String> tokens = new ArrayList<>();
        tokens.add(first.text());
        while (true) {
            Token token = lexer.lex();
            if (token.kind().endsLine()) {
                return new Line(first.start(), end, tokens);
            }
            tokens.add(token.text());
            end = token.end();
        }
    }

    /**
     * Gives each end-of-line comment to the last one-line node, in post-order, that ends before
     * the comment starts; multi-line blocks pass theirs to the nodes inside. Comments no node can
     * take stay with the file. Whole-line comments were placed by the grammar already.
     */
    private void assignSuffixComments() {
        List<Expr> postOrder = new ArrayList<>();
        for (Expr stmt : file.statements) {
            if (stmt instanceof LineBlock block) {
                postOrder.add(block.open);
                postOrder.addAll(block.lines);
                postOrder.add(block.close);
            }
            postOrder.add(stmt);
        }
        List<Comment> pending = new ArrayList<>(lexer.suffixComments());
        for (int i = postOrder.size() - 1; i >= 0; i--) {
            Expr x = postOrder.get(i);
            if (!x.isOneLine()) {
                continue;
            }
            List<Comment> taken = new ArrayList<>();
            while (!pending.isEmpty() && x.end().offset() <= pending.get(pending.size() - 1).start().offset()) {
                taken.add(pending.remove(pending.size() - 1));
            }
            Collections.reverse(taken);
            x.comments().suffix.addAll(taken);
        }
        file.comments.before.addAll(pending);
    }
}
