package dev.gosync.agent.env;

import dev.gosync.gomod.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GOFLAGS split into words the way the go command splits it: on spaces, tabs and line breaks,
 * where a word that starts with a single or double quote runs to the matching quote and keeps
 * everything in between as is (there is no unescaping, and a quote inside a word is an ordinary
 * character). Every word must look like {@code -name}, {@code --name}, {@code -name=value} or
 * {@code --name=value}.
 *
 * <p>The go command also rejects names that no go subcommand defines. Which names those are
 * depends on the go version, so that check is left to the go command.
 *
 * @param words the words, quotes removed, in order
 */
public record GoFlags(List<String> words) {
    public static final GoFlags EMPTY = new GoFlags(List.of());

    public GoFlags {
        words = List.copyOf(words);
    }

    /**
     * Splits and checks a GOFLAGS value.
     *
     * @throws InvalidGoFlagsException for an unterminated quote or a word that is not a flag
     */
    public static GoFlags parse(String goflags) {
        List<String> words = split(goflags);
        for (String w : words) {
            if (!w.startsWith("-") || w.equals("-") || w.equals("--") || w.startsWith("---")
                    || w.startsWith("-=") || w.startsWith("--=")) {
                throw new InvalidGoFlagsException("non-flag " + GoStrings.quote(w));
            }
        }
        return new GoFlags(words);
    }

    /** Whether some word sets the flag {@code name} (given without dashes, as in {@code has("mod")}). */
    public boolean has(String name) {
        return words.stream().anyMatch(w -> name(w).equals(name));
    }

    /**
     * The value the go command would give flag {@code name}: that of its last word, the text after
     * {@code =}, or {@code "true"} for a bare {@code -name} as for a boolean flag.
     */
    public Optional<String> value(String name) {
        String found = null;
        for (String w : words) {
            if (name(w).equals(name)) {
                int eq = w.indexOf('=');
                found = eq < 0 ? "true" : w.substring(eq + 1);
            }
        }
        return Optional.ofNullable(found);
    }

    private static String name(String word) {
        String s = word.startsWith("--") ? word.substring(2) : word.substring(1);
        int eq = s.indexOf('=');
        return eq < 0 ? s : s.substring(0, eq);
    }

    private static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            if (i == s.length()) {
                break;
            }
            char first = s.charAt(i);
            if (first == '"' || first == '\'') {
                int close = s.indexOf(first, i + 1);
                if (close < 0) {
                    throw new InvalidGoFlagsException("unterminated " + first + " string");
                }
                words.add(s.substring(i + 1, close));
                i = close + 1;
            } else {
                int end = i;
                while (end < s.length() && !isSpace(s.charAt(end))) {
                    end++;
                }
                words.add(s.substring(i, end));
                i = end;
            }
        }
        return words;
    }

    /** The go command splits on these four ASCII bytes only, not on other Unicode spaces. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
