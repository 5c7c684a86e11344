package dev.gosync.gomod.modfile;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GoUnicode;
import dev.gosync.gomod.GoUtf8;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a go.mod or go.work file into tokens, one token ahead of the parser (x/mod's lexer
 * also reads ahead by one, which decides where errors are reported). Blanks are space, tab and
 * carriage return; {@code \n} ends a statement; comments run from {@code //} to the end of the
 * line; {@code ( ) [ ] { } ,} are tokens of their own; strings are Go double-quoted or raw
 * back-quoted literals on one line; any other run of printing characters is one identifier.
 */
final class Lexer {
    enum Kind {
        EOF, NEWLINE, IDENT, STRING,
        /** A comment alone on its line; the parser places it. */
        LINE_COMMENT,
        /** A comment after tokens; it also ends the line. Placed after parsing. */
        SUFFIX_COMMENT,
        LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE, COMMA;

        boolean endsLine() {
            return this == EOF || this == NEWLINE || this == SUFFIX_COMMENT;
        }
    }

    record Token(Kind kind, Position start, Position end, String text) {
    }

    private final String fileName;
    private final String text;
    private int offset;
    private int line = 1;
    private int column = 1;
    private final List<Comment> suffixComments = new ArrayList<>();
    private Token next;

    /** @param text the whole file as raw text */
    Lexer(String fileName, String text) {
        this.fileName = fileName;
        this.text = text;
        next = scan();
    }

    Kind peek() {
        return next.kind();
    }

    Token lex() {
        Token token = next;
        next = scan();
        return token;
    }

    /** The end-of-line comments seen so far, in file order. */
    List<Comment> suffixComments() {
        return suffixComments;
    }

    /** An error at the reading position, which is past the token after the one last returned. */
    ModFileException error(String message) {
        return error(position(), message);
    }

    ModFileException error(Position at, String message) {
        return new ModFileException(List.of(new ModFileError(fileName, at.line(), at.column(), message)));
    }

    private Position position() {
        return new Position(line, column, offset);
    }

    private boolean atEnd() {
        return offset >= text.length();
    }

    private int peekRune() {
        return atEnd() ? 0 : GoText.runeAt(text, offset).value();
    }

    private boolean lookingAt(String prefix) {
        return text.startsWith(prefix, offset);
    }

    private int readRune() {
        GoUtf8.Rune r = GoText.runeAt(text, offset);
        offset += r.width();
        int rune = r.value();
        if (rune == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return rune;
    }

    private Token scan() {
        while (!atEnd()) {
            int c = peekRune();
            if (c == ' ' || c == '\t' || c == '\r') {
                readRune();
            } else if (lookingAt("//")) {
                return comment();
            } else if (lookingAt("/*")) {
                throw error(blockCommentMessage());
            } else {
                break;
            }
        }
        Position start = position();
        int from = offset;
        if (atEnd()) {
            return new Token(Kind.EOF, start, start, "");
        }
        int c = peekRune();
        Kind punctuation = punctuation(c);
        if (punctuation != null) {
            readRune();
            return new Token(punctuation, start, position(), text.substring(from, offset));
        }
        if (c == '"' || c == '`') {
            return string(start, c);
        }
        if (!isIdent(c)) {
            throw error("unexpected input character " + GoStrings.quoteRune(c));
        }
        while (isIdent(peekRune())) {
            if (lookingAt("//")) {
                break;
            }
            if (lookingAt("/*")) {
                throw error(blockCommentMessage());
            }
            readRune();
        }
        return new Token(Kind.IDENT, start, position(), text.substring(from, offset));
    }

    private static String blockCommentMessage() {
        return "mod files must use // comments (not /* */ comments)";
    }

    private Token comment() {
        Position start = position();
        int from = offset;
        // A comment after tokens belongs to them; one alone on its line is left to the grammar.
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        boolean suffix = !GoText.trimSpace(text.substring(lineStart, offset)).isEmpty();
        readRune();
        readRune();
        while (!atEnd() && readRune() != '\n') {
            // The comment runs to the end of the line, newline included.
        }
        String body = text.substring(from, offset);
        if (body.endsWith("\r\n")) {
            body = body.substring(0, body.length() - 2);
        } else if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        if (!suffix) {
            return new Token(Kind.LINE_COMMENT, start, position(), body);
        }
        suffixComments.add(new Comment(start, body, true));
        return new Token(Kind.SUFFIX_COMMENT, start, position(), body);
    }

    private Token string(Position start, int quote) {
        int from = offset;
        readRune();
        while (true) {
            if (atEnd()) {
                throw error(start, "unexpected EOF in string");
            }
            if (peekRune() == '\n') {
                throw error("unexpected newline in string");
            }
            int c = readRune();
            if (c == quote) {
                break;
            }
            if (c == '\\' && quote != '`') {
                if (atEnd()) {
                    throw error(start, "unexpected EOF in string");
                }
                // An escaped character, even a newline, stays in the literal; unquoting judges it.
                readRune();
            }
        }
        return new Token(Kind.STRING, start, position(), text.substring(from, offset));
    }

    private static Kind punctuation(int c) {
        return switch (c) {
            case '\n' -> Kind.NEWLINE;
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case '{' -> Kind.LBRACE;
            case '}' -> Kind.RBRACE;
            case ',' -> Kind.COMMA;
            default -> null;
        };
    }

    /** Identifier characters: every printing rune except the space and the punctuation tokens. */
    private static boolean isIdent(int c) {
        return switch (c) {
            case ' ', '(', ')', '[', ']', '{', '}', ',' -> false;
            default -> !GoUnicode.isSpace(c) && GoUnicode.isPrint(c);
        };
    }
}
