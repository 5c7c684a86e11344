package dev.gosync.agent.vcs;

import dev.gosync.gomod.GoUnicode;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.modfile.ModFile;
import java.nio.charset.StandardCharsets;

/**
 * The module path a go.mod declares, found the quick way x/mod's {@code modfile.ModulePath}
 * finds it: the first line that reads {@code module <path>} once comments and surrounding space
 * are gone, without parsing the rest of the file. Direct mode uses only this when deciding which
 * directory and which major version a go.mod belongs to.
 */
final class GoModPath {
    private static final String MODULE = "module";

    private GoModPath() {
    }

    /** The declared path, or "" when there is none or its quoting is malformed. */
    static String of(byte[] goMod) {
        String text = new String(goMod, StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
            int comment = line.indexOf("//");
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            line = trimSpace(line);
            if (!line.startsWith(MODULE)) {
                continue;
            }
            String rest = line.substring(MODULE.length());
            String path = trimSpace(rest);
            if (path.length() == rest.length() || path.isEmpty()) {
                continue;
            }
            if (path.charAt(0) == '`') {
                return rawString(path);
            }
            if (path.charAt(0) == '"') {
                return quotedString(path);
            }
            return path;
        }
        return "";
    }

    /** A Go raw string literal: no backquote inside, carriage returns dropped. */
    private static String rawString(String literal) {
        if (literal.length() < 2 || !literal.endsWith("`") || literal.indexOf('`', 1) != literal.length() - 1) {
            return "";
        }
        return literal.substring(1, literal.length() - 1).replace("\r", "");
    }

    /** A Go interpreted string literal, unquoted by the go.mod parser, which follows Go's rules. */
    private static String quotedString(String literal) {
        try {
            return ModFile.parseLax("go.mod", ("module " + literal + "\n").getBytes(StandardCharsets.UTF_8))
                    .modulePath().orElse("");
        } catch (GosyncException e) {
            return "";
        }
    }

    private static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && GoUnicode.isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && GoUnicode.isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }
}
