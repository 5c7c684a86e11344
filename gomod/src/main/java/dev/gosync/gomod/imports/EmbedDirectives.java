package dev.gosync.gomod.imports;

import dev.gosync.gomod.GoUnicode;
import dev.gosync.gomod.GoUtf8;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code //go:embed} patterns of a Go file, found as {@code go/build} finds them: only in a
 * file whose header parses and imports {@code "embed"}, in any line comment of the whole file (a
 * Go tokenizer skips strings, rune literals and block comments, so text inside them never
 * counts). Arguments are separated by space and may be Go string literals; a directive whose
 * arguments do not parse is skipped, as the go command skips it (the compiler reports it).
 */
public final class EmbedDirectives {
    private static final String PREFIX = "//go:embed";

    private EmbedDirectives() {
    }

    /**
     * The patterns in file order, or empty when the file's header does not parse cleanly (the
     * go command then has no embeds for it either).
     */
    public static List<String> patterns(byte[] content) {
        ImportScan scan = ImportScan.read(content);
        if (scan.failure() != ImportScan.Failure.NONE) {
            return List.of();
        }
        boolean importsEmbed = false;
        for (String quoted : scan.quotedImports()) {
            String path = GoLiterals.unquote(quoted);
            if (path == null || !isValidImport(path)) {
                return List.of();
            }
            importsEmbed |= path.equals("embed");
        }
        if (!importsEmbed) {
            return List.of();
        }
        List<String> patterns = new ArrayList<>();
        for (String comment : lineComments(content)) {
            if (comment.startsWith(PREFIX)) {
                directiveArgs(comment).ifPresent(patterns::addAll);
            }
        }
        return patterns;
    }

    /**
     * Whether an import path passes the go command's check of import declarations: non-empty,
     * graphic, no space and none of {@code !"#$%&'()*,:;<=>?[\]^`{|}} or U+FFFD.
     */
    public static boolean isValidImport(String path) {
        if (path.isEmpty()) {
            return false;
        }
        return path.codePoints().allMatch(c -> GoUnicode.isPrint(c) && !GoUnicode.isSpace(c)
                && "!\"#$%&'()*,:;<=>?[\\]^{|}`\uFFFD".indexOf(c) < 0);
    }

    /** The arguments of a {@code //go:embed} comment, or empty if it is not one or they do not parse. */
    static Optional<List<String>> directiveArgs(String comment) {
        String rest = comment.substring(2);
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon + 1 >= rest.length()) {
            return Optional.empty();
        }
        int nameEnd = colon + 1;
        while (nameEnd < rest.length() && !isSpace(rest.codePointAt(nameEnd))) {
            nameEnd += Character.charCount(rest.codePointAt(nameEnd));
        }
        if (!rest.substring(0, colon).equals("go") || !rest.substring(colon + 1, nameEnd).equals("embed")) {
            return Optional.empty();
        }
        String args = trimRight(rest.substring(nameEnd));
        List<String> list = new ArrayList<>();
        int i = skipSpace(args, 0);
        while (i < args.length()) {
            char c = args.charAt(i);
            if (c == '"' || c == '`') {
                int length = GoLiterals.quotedPrefix(args.substring(i));
                if (length < 0) {
                    return Optional.empty();
                }
                list.add(GoLiterals.unquote(args.substring(i, i + length)));
                i += length;
                if (i < args.length() && !isSpace(args.codePointAt(i))) {
                    return Optional.empty();
                }
            } else {
                int end = i;
                while (end < args.length() && !isSpace(args.codePointAt(end))) {
                    end += Character.charCount(args.codePointAt(end));
                }
                list.add(args.substring(i, end));
                i = end;
            }
            i = skipSpace(args, i);
        }
        return Optional.of(list);
    }

    /**
     * The text of every {@code //} comment in a Go file, without the line end and with carriage
     * returns removed, as Go's tokenizer reports them.
     */
    static List<String> lineComments(byte[] src) {
        List<String> comments = new ArrayList<>();
        int i = src.length >= 3 && (src[0] & 0xFF) == 0xEF && (src[1] & 0xFF) == 0xBB && (src[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < src.length) {
            int c = src[i];
            if (c == '/' && i + 1 < src.length && src[i + 1] == '/') {
                int end = i;
                while (end < src.length && src[end] != '\n') {
                    end++;
                }
                comments.add(GoUtf8.decodeAll(src, i, end).replace("\r", ""));
                i = end;
            } else if (c == '/' && i + 1 < src.length && src[i + 1] == '*') {
                int close = indexOf(src, i + 2, "*/");
                i = close < 0 ? src.length : close + 2;
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(src, i + 1, (char) c);
            } else if (c == '`') {
                int close = indexOf(src, i + 1, "`");
                i = close < 0 ? src.length : close + 1;
            } else {
                i++;
            }
        }
        return comments;
    }

    /** Past an interpreted string or rune literal, which ends at its quote or, unterminated, at the line end. */
    private static int skipQuoted(byte[] src, int i, char quote) {
        while (i < src.length) {
            byte c = src[i];
            if (c == '\n') {
                return i;
            }
            if (c == '\\') {
                i += 2;
                continue;
            }
            i++;
            if (c == quote) {
                return i;
            }
        }
        return src.length;
    }

    private static int indexOf(byte[] b, int from, String s) {
        for (int i = from; i + s.length() <= b.length; i++) {
            boolean match = true;
            for (int k = 0; k < s.length() && match; k++) {
                match = b[i + k] == s.charAt(k);
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(int c) {
        return GoUnicode.isSpace(c);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i;
    }

    private static String trimRight(String s) {
        int end = s.length();
        while (end > 0) {
            int c = s.codePointBefore(end);
            if (!isSpace(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return s.substring(0, end);
    }
}
