package dev.gosync.gomod.modfile;

import dev.gosync.gomod.semver.Semver;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What {@code go mod edit -fmt} and {@code go work edit -fmt} do to a parsed file before
 * printing it (x/mod's {@code SortBlocks} then {@code Cleanup}): drop redundant lines and the
 * blocks they empty, sort the lines of every block, and turn single-line blocks into plain lines.
 */
final class StandardForm {
    /** Lines compared token by token in byte order; a line that is a prefix of another goes first. */
    private static final Comparator<Line> BY_TOKENS = StandardForm::compareTokens;
    /** Newest retraction first, by low then high version. */
    private static final Comparator<Line> RETRACTIONS_NEWEST_FIRST = StandardForm::compareRetractions;
    /** Excludes by path, then by semantic version (from go 1.21; see go.dev/issue/60028). */
    private static final Comparator<Line> EXCLUDES = StandardForm::compareExcludes;
    private static final String SEMANTIC_EXCLUDE_ORDER_SINCE = "v1.21";

    private StandardForm() {
    }

    /**
     * Brings a strictly parsed syntax tree into standard form and prints it.
     *
     * @param redundant lines the directive rules found redundant (duplicates)
     * @param goVersion the file's go version as raw text, or null when it has none
     */
    static byte[] format(SyntaxFile syntax, Set<Line> redundant, String goVersion) {
        syntax.removeLines(redundant);
        boolean semanticExcludes = goVersion != null
                && Semver.compare("v" + GoText.toJava(goVersion), SEMANTIC_EXCLUDE_ORDER_SINCE) >= 0;
        for (Expr stmt : syntax.statements) {
            if (stmt instanceof LineBlock block) {
                Comparator<Line> order = switch (block.verb()) {
                    case "exclude" -> semanticExcludes ? EXCLUDES : BY_TOKENS;
                    case "retract" -> RETRACTIONS_NEWEST_FIRST;
                    default -> BY_TOKENS;
                };
                // Stable, as in x/mod. Strict parsing guarantees the line shapes that make each
                // order consistent (exclude lines have two tokens, retract lines an interval).
                block.lines.sort(order);
            }
        }
        syntax.collapseSingleLineBlocks();
        return SyntaxPrinter.print(syntax);
    }

    private static int compareTokens(Line a, Line b) {
        for (int k = 0; k < a.tokens.size() && k < b.tokens.size(); k++) {
            int c = a.tokens.get(k).compareTo(b.tokens.get(k));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.tokens.size(), b.tokens.size());
    }

    /** Exclude lines hold a path and a version. */
    private static int compareExcludes(Line a, Line b) {
        int c = a.tokens.get(0).compareTo(b.tokens.get(0));
        return c != 0 ? c : compareVersions(a.tokens.get(1), b.tokens.get(1));
    }

    private static int compareRetractions(Line a, Line b) {
        String[] x = interval(a);
        String[] y = interval(b);
        int c = compareVersions(y[0], x[0]);
        return c != 0 ? c : compareVersions(y[1], x[1]);
    }

    /** Retract lines hold a version or {@code [ low , high ]}. */
    private static String[] interval(Line line) {
        List<String> t = line.tokens;
        return t.size() == 1 ? new String[] {t.get(0), t.get(0)} : new String[] {t.get(1), t.get(3)};
    }

    private static int compareVersions(String a, String b) {
        return Semver.compare(GoText.toJava(a), GoText.toJava(b));
    }
}
