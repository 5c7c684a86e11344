package dev.gosync.gomod.imports;

import dev.gosync.gomod.GoFields;
import dev.gosync.gomod.GoUnicode;
import java.util.Optional;

/**
 * Recognises and parses build-constraint lines the way Go's {@code go/build/constraint} does:
 * {@code //go:build EXPR} with {@code ||}, {@code &&}, {@code !} and parentheses, and the legacy
 * {@code // +build A,B C} form (spaces mean or, commas and, {@code !} not).
 */
public final class BuildLines {
    /** Bounds the work on hostile input: at most this many operands in a {@code //go:build} expression. */
    private static final int MAX_OPERANDS = 1000;
    /** Legacy lines were always short; longer ones are refused as Go refuses them. */
    private static final int MAX_LEGACY_OPERATORS = 100;
    private static final String GO_BUILD = "//go:build";
    private static final String PLUS_BUILD = "+build";

    private BuildLines() {
    }

    /** Whether the line is a {@code //go:build} line (its expression may still be malformed). */
    public static boolean isGoBuild(String line) {
        return goBuildExpr(line).isPresent();
    }

    /** Whether the line is a {@code // +build} line (its expression may still be malformed). */
    public static boolean isPlusBuild(String line) {
        return plusBuildExpr(line).isPresent();
    }

    /**
     * The expression of a {@code //go:build} or {@code // +build} line; one trailing newline is allowed.
     *
     * @throws InvalidConstraintException if the line is neither, or its expression does not parse
     */
    public static Constraint parse(String line) {
        Optional<String> goBuild = goBuildExpr(line);
        if (goBuild.isPresent()) {
            return new ExprParser(goBuild.get()).parse();
        }
        Optional<String> plusBuild = plusBuildExpr(line);
        if (plusBuild.isPresent()) {
            return parseLegacy(plusBuild.get());
        }
        throw new InvalidConstraintException("not a build constraint");
    }

    private static Optional<String> goBuildExpr(String line) {
        String single = singleLine(line);
        if (single == null || !single.startsWith(GO_BUILD)) {
            return Optional.empty();
        }
        return afterKeyword(GoFields.trimSpace(single).substring(GO_BUILD.length()));
    }

    private static Optional<String> plusBuildExpr(String line) {
        String single = singleLine(line);
        if (single == null || !single.startsWith("//")) {
            return Optional.empty();
        }
        String rest = GoFields.trimSpace(single.substring(2));
        if (!rest.startsWith(PLUS_BUILD)) {
            return Optional.empty();
        }
        return afterKeyword(rest.substring(PLUS_BUILD.length()));
    }

    /** The line without one trailing newline, or null if it spans several lines. */
    private static String singleLine(String line) {
        String s = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        return s.indexOf('\n') >= 0 ? null : s;
    }

    /** The keyword must end the line or be followed by space: {@code //go:buildx} is something else. */
    private static Optional<String> afterKeyword(String rest) {
        String trimmed = GoFields.trimSpace(rest);
        if (trimmed.length() == rest.length() && !rest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    private static Constraint parseLegacy(String text) {
        int operators = 0;
        Constraint result = null;
        for (String clause : GoFields.split(text)) {
            Constraint conjunction = null;
            for (String literal : clause.split(",", -1)) {
                Constraint term = legacyTerm(literal);
                if (conjunction == null) {
                    conjunction = term;
                } else {
                    if (++operators > MAX_LEGACY_OPERATORS) {
                        throw new InvalidConstraintException("expression too complex for // +build lines");
                    }
                    conjunction = new Constraint.And(conjunction, term);
                }
            }
            if (result == null) {
                result = conjunction;
            } else {
                if (++operators > MAX_LEGACY_OPERATORS) {
                    throw new InvalidConstraintException("expression too complex for // +build lines");
                }
                result = new Constraint.Or(result, conjunction);
            }
        }
        // An empty line, a double negation or a malformed tag can never be satisfied.
        return result == null ? new Constraint.Tag("ignore") : result;
    }

    private static Constraint legacyTerm(String literal) {
        if (literal.startsWith("!!") || literal.equals("!")) {
            return new Constraint.Tag("ignore");
        }
        boolean negated = literal.startsWith("!");
        String name = negated ? literal.substring(1) : literal;
        Constraint tag = new Constraint.Tag(isValidTag(name) ? name : "ignore");
        return negated ? new Constraint.Not(tag) : tag;
    }

    /** Tags are non-empty runs of letters, digits, underscores and dots (all digits count, as in {@code 386}). */
    public static boolean isValidTag(String word) {
        if (word.isEmpty()) {
            return false;
        }
        return word.codePoints().allMatch(BuildLines::isTagChar);
    }

    static boolean isTagChar(int c) {
        return GoUnicode.isLetter(c) || Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER || c == '_' || c == '.';
    }

    /** Recursive descent over {@code ||}, {@code &&}, {@code !}, parentheses and tags. */
    private static final class ExprParser {
        private final String s;
        private int next;
        private String token = "";
        private boolean isTag;
        private int tokenStart;
        private int operands;

        ExprParser(String s) {
            this.s = s;
        }

        Constraint parse() {
            Constraint x = or();
            if (!token.isEmpty()) {
                throw new InvalidConstraintException("unexpected token " + token);
            }
            return x;
        }

        private Constraint or() {
            Constraint x = and();
            while (token.equals("||")) {
                x = new Constraint.Or(x, and());
            }
            return x;
        }

        private Constraint and() {
            Constraint x = not();
            while (token.equals("&&")) {
                x = new Constraint.And(x, not());
            }
            return x;
        }

        private Constraint not() {
            if (++operands > MAX_OPERANDS) {
                throw new InvalidConstraintException("build expression too large");
            }
            lex();
            if (token.equals("!")) {
                lex();
                if (token.equals("!")) {
                    throw new InvalidConstraintException("double negation not allowed");
                }
                return new Constraint.Not(atom());
            }
            return atom();
        }

        private Constraint atom() {
            if (token.equals("(")) {
                Constraint x;
                try {
                    x = or();
                } catch (InvalidConstraintException e) {
                    if (e.getMessage().equals("unexpected end of expression")) {
                        throw new InvalidConstraintException("missing close paren");
                    }
                    throw e;
                }
                if (!token.equals(")")) {
                    throw new InvalidConstraintException("missing close paren");
                }
                lex();
                return x;
            }
            if (!isTag) {
                throw new InvalidConstraintException(token.isEmpty() ? "unexpected end of expression"
                        : "unexpected token " + token);
            }
            Constraint tag = new Constraint.Tag(token);
            lex();
            return tag;
        }

        private void lex() {
            isTag = false;
            while (next < s.length() && (s.charAt(next) == ' ' || s.charAt(next) == '\t')) {
                next++;
            }
            tokenStart = next;
            if (next >= s.length()) {
                token = "";
                return;
            }
            char c = s.charAt(next);
            if (c == '(' || c == ')' || c == '!') {
                token = s.substring(next, ++next);
                return;
            }
            if (c == '&' || c == '|') {
                if (next + 1 >= s.length() || s.charAt(next + 1) != c) {
                    throw new InvalidConstraintException("invalid syntax at " + c);
                }
                next += 2;
                token = s.substring(tokenStart, next);
                return;
            }
            int end = next;
            while (end < s.length() && isTagChar(s.codePointAt(end))) {
                end += Character.charCount(s.codePointAt(end));
            }
            if (end == next) {
                throw new InvalidConstraintException("invalid syntax at " + new String(Character.toChars(s.codePointAt(next))));
            }
            token = s.substring(next, end);
            next = end;
            isTag = true;
        }
    }
}
