package dev.gosync.gomod.imports;

import dev.gosync.gomod.GoUtf8;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header of a Go source file as the go command reads it before deciding anything about the
 * file: the package clause and the import declarations, read with a small lexer that knows
 * comments, interpreted and raw strings and nothing else, stopping at the first byte after the
 * imports. It reads exactly as far, and reports exactly the failures, that Go's import reader
 * does, because the header's extent decides where build constraints may appear.
 *
 * @param header        the bytes read, without a leading byte-order mark: up to the end of the
 *                      imports, or the whole file after a syntax error, or up to a NUL byte
 * @param quotedImports the import paths as written, quotes included, in order, including those
 *                      read before a syntax error
 * @param packageName   the identifier after {@code package}, or "" when there is none
 * @param failure       why reading stopped early, if it did
 */
public record ImportScan(byte[] header, List<String> quotedImports, String packageName, Failure failure) {
    /** How reading a header can fail. */
    public enum Failure {
        NONE,
        /** Not a package clause followed by imports; the go command then reads the whole file. */
        SYNTAX,
        /** A NUL byte: not a text file. */
        NUL
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public ImportScan {
        quotedImports = List.copyOf(quotedImports);
    }

    /** Reads the header of a Go file. */
    public static ImportScan read(byte[] content) {
        return new Reader(content).readHeader();
    }

    /**
     * The import paths, unquoted; literals that do not unquote are left out, as the go command
     * leaves them out.
     */
    public List<String> imports() {
        List<String> paths = new ArrayList<>();
        for (String quoted : quotedImports) {
            String path = GoLiterals.unquote(quoted);
            if (path != null) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static final class Reader {
        private final byte[] in;
        private int pos;
        /** Bytes consumed so far; {@code peek} is the last of them when it is not 0. */
        private int consumed;
        private int peek;
        private boolean eof;
        private Failure failure = Failure.NONE;
        private final List<String> imports = new ArrayList<>();
        private final ByteArrayOutputStream packageName = new ByteArrayOutputStream();

        Reader(byte[] content) {
            this.in = content;
            boolean bom = content.length >= 3 && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2];
            this.pos = bom ? 3 : 0;
            this.consumed = this.pos;
        }

        ImportScan readHeader() {
            int start = pos;
            readKeyword("package");
            readIdent(packageName);
            while (peekByte(true) == 'i') {
                readKeyword("import");
                if (peekByte(true) == '(') {
                    nextByte(false);
                    while (peekByte(true) != ')' && failure == Failure.NONE) {
                        readImport();
                    }
                    nextByte(false);
                } else {
                    readImport();
                }
            }
            byte[] header;
            if (failure == Failure.NONE && !eof) {
                // The last byte read told us the imports were over; it is not part of the header.
                header = Arrays.copyOfRange(in, start, consumed - 1);
            } else if (failure == Failure.SYNTAX) {
                header = Arrays.copyOfRange(in, start, in.length);
            } else {
                header = Arrays.copyOfRange(in, start, consumed);
            }
            byte[] name = packageName.toByteArray();
            return new ImportScan(header, imports, GoUtf8.decodeAll(name, 0, name.length), failure);
        }

        private void syntaxError() {
            if (failure == Failure.NONE) {
                failure = Failure.SYNTAX;
            }
        }

        /** Consumes one byte; 0 at the end of input or after a NUL. */
        private int readByte() {
            if (pos >= in.length) {
                eof = true;
                return 0;
            }
            int c = in[pos++] & 0xFF;
            consumed = pos;
            if (c == 0 && failure == Failure.NONE) {
                failure = Failure.NUL;
            }
            return c;
        }

        private int peekByte(boolean skipSpace) {
            if (failure != Failure.NONE) {
                return 0;
            }
            int c = peek != 0 ? peek : readByte();
            while (failure == Failure.NONE && !eof && skipSpace) {
                if (c == ' ' || c == '\f' || c == '\t' || c == '\r' || c == '\n' || c == ';') {
                    c = readByte();
                    continue;
                }
                if (c != '/') {
                    break;
                }
                c = readByte();
                if (c == '/') {
                    while (c != '\n' && failure == Failure.NONE && !eof) {
                        c = readByte();
                    }
                } else if (c == '*') {
                    int previous = 0;
                    c = readByte();
                    while (!(previous == '*' && c == '/') && failure == Failure.NONE) {
                        if (eof) {
                            syntaxError();
                        }
                        previous = c;
                        c = readByte();
                    }
                } else {
                    syntaxError();
                }
                c = readByte();
            }
            peek = c;
            return c;
        }

        private int nextByte(boolean skipSpace) {
            int c = peekByte(skipSpace);
            peek = 0;
            return c;
        }

        private void readKeyword(String keyword) {
            peekByte(true);
            for (int i = 0; i < keyword.length(); i++) {
                if (nextByte(false) != keyword.charAt(i)) {
                    syntaxError();
                    return;
                }
            }
            if (isIdent(peekByte(false))) {
                syntaxError();
            }
        }

        private void readIdent(ByteArrayOutputStream name) {
            if (!isIdent(peekByte(true))) {
                syntaxError();
                return;
            }
            int c;
            while (isIdent(c = peekByte(false))) {
                if (name != null) {
                    name.write(c);
                }
                peek = 0;
            }
        }

        private void readString() {
            int quote = nextByte(true);
            if (quote != '`' && quote != '"') {
                syntaxError();
                return;
            }
            int start = consumed - 1;
            while (failure == Failure.NONE) {
                int c = nextByte(false);
                if (c == quote) {
                    imports.add(GoUtf8.decodeAll(in, start, consumed));
                    return;
                }
                if (eof || (quote == '"' && c == '\n')) {
                    syntaxError();
                }
                if (quote == '"' && c == '\\') {
                    nextByte(false);
                }
            }
        }

        private void readImport() {
            int c = peekByte(true);
            if (c == '.') {
                peek = 0;
            } else if (isIdent(c)) {
                readIdent(null);
            }
            readString();
        }

        private static boolean isIdent(int c) {
            return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c >= 0x80;
        }
    }
}
