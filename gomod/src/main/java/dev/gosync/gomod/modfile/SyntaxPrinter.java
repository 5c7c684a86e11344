package dev.gosync.gomod.modfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints a syntax tree in the standard layout (x/mod's {@code Format}): tokens separated by one
 * space (none just inside brackets or before a comma), block lines indented by one tab,
 * end-of-line comments after one space, one blank line between top-level statements, no
 * trailing blanks and one final newline. Comments are printed trimmed but otherwise as written.
 *
 * <p>Like x/mod's printer this one edits its output as it goes (trimming blanks, skipping a
 * newline after a blank line), which is what places comments and blank lines exactly as the go
 * command does.
 */
final class SyntaxPrinter {
    /** Raw text of the output so far; characters are bytes, see {@link GoText}. */
    private final StringBuilder out = new StringBuilder();
    private final List<Comment> pendingSuffix = new ArrayList<>();
    private int margin;

    private SyntaxPrinter() {
    }

    static byte[] print(SyntaxFile file) {
        SyntaxPrinter printer = new SyntaxPrinter();
        printer.file(file);
        StringBuilder out = printer.out;
        int n = out.length();
        while (n > 0 && out.charAt(n - 1) == '\n' && (n == 1 || out.charAt(n - 2) == '\n')) {
            n--;
        }
        out.setLength(n);
        return GoText.toBytes(out.toString());
    }

    private void file(SyntaxFile file) {
        for (Comment c : file.comments.before) {
            out.append(GoText.trimSpace(c.text()));
            newline();
        }
        List<Expr> statements = file.statements;
        for (int i = 0; i < statements.size(); i++) {
            Expr stmt = statements.get(i);
            expr(stmt);
            if (!(stmt instanceof CommentBlock)) {
                newline();
            }
            if (i + 1 < statements.size()) {
                newline();
            }
        }
    }

    private void expr(Expr x) {
        List<Comment> before = x.comments().before;
        if (!before.isEmpty()) {
            trim();
            if (lineLength() > 0) {
                out.append('\n');
            }
            indent();
            for (Comment c : before) {
                out.append(GoText.trimSpace(c.text()));
                newline();
            }
        }
        if (x instanceof Paren paren) {
            out.append(paren.symbol);
        } else if (x instanceof Line line) {
            tokens(line.tokens);
        } else if (x instanceof LineBlock block) {
            tokens(block.tokens);
            out.append(' ');
            expr(block.open);
            margin++;
            for (Line line : block.lines) {
                newline();
                expr(line);
            }
            margin--;
            newline();
            expr(block.close);
        }
        pendingSuffix.addAll(x.comments().suffix);
    }

    private void tokens(List<String> tokens) {
        String separator = "";
        for (String t : tokens) {
            if (t.equals(",") || t.equals(")") || t.equals("]") || t.equals("}")) {
                separator = "";
            }
            out.append(separator).append(t);
            separator = t.equals("(") || t.equals("[") || t.equals("{") ? "" : " ";
        }
    }

    /**
     * Ends the current line: flushes pending end-of-line comments (several go on lines of their
     * own at the margin), trims trailing blanks, writes the newline unless that would make a
     * second blank line or start the file with one, and indents the next line.
     */
    private void newline() {
        if (!pendingSuffix.isEmpty()) {
            out.append(' ');
            for (int i = 0; i < pendingSuffix.size(); i++) {
                if (i > 0) {
                    trim();
                    out.append('\n');
                    indent();
                }
                out.append(GoText.trimSpace(pendingSuffix.get(i).text()));
            }
            pendingSuffix.clear();
        }
        trim();
        int n = out.length();
        boolean afterBlankLine = n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n';
        if (n > 0 && !afterBlankLine) {
            out.append('\n');
        }
        indent();
    }

    private void indent() {
        out.append("\t".repeat(margin));
    }

    private void trim() {
        int n = out.length();
        while (n > 0 && (out.charAt(n - 1) == ' ' || out.charAt(n - 1) == '\t')) {
            n--;
        }
        out.setLength(n);
    }

    /** Bytes on the current line so far. */
    private int lineLength() {
        return out.length() - (out.lastIndexOf("\n") + 1);
    }
}
