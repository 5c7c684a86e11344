package dev.gosync.gomod.imports;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A build constraint: the boolean expression of a {@code //go:build} line or of a legacy
 * {@code // +build} line, over build tags. {@link #toString()} prints the {@code //go:build}
 * form as Go's {@code go/build/constraint} prints it: an operand that is an expression of the
 * other binary operator, or of either under {@code !}, goes in parentheses.
 */
public sealed interface Constraint {
    /** Evaluates the expression with {@code tagSatisfied} answering for each tag. */
    default boolean eval(Predicate<String> tagSatisfied) {
        if (this instanceof Tag t) {
            return tagSatisfied.test(t.name());
        }
        if (this instanceof Not n) {
            return !n.x().eval(tagSatisfied);
        }
        if (this instanceof And a) {
            // Both sides are evaluated, so that the predicate sees every tag.
            return a.x().eval(tagSatisfied) & a.y().eval(tagSatisfied);
        }
        Or o = (Or) this;
        return o.x().eval(tagSatisfied) | o.y().eval(tagSatisfied);
    }

    /** A build tag such as {@code linux}, {@code cgo} or {@code go1.21}. */
    record Tag(String name) implements Constraint {
        public Tag {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Not(Constraint x) implements Constraint {
        public Not {
            Objects.requireNonNull(x, "x");
        }

        @Override
        public String toString() {
            return "!" + (x instanceof Tag || x instanceof Not ? x.toString() : "(" + x + ")");
        }
    }

    record And(Constraint x, Constraint y) implements Constraint {
        public And {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
        }

        @Override
        public String toString() {
            return operand(x) + " && " + operand(y);
        }

        private static String operand(Constraint c) {
            return c instanceof Or ? "(" + c + ")" : c.toString();
        }
    }

    record Or(Constraint x, Constraint y) implements Constraint {
        public Or {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
        }

        @Override
        public String toString() {
            return operand(x) + " || " + operand(y);
        }

        private static String operand(Constraint c) {
            return c instanceof And ? "(" + c + ")" : c.toString();
        }
    }
}
