package dev.gosync.gomod.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.fixtures.GoOracle;
import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GosyncException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Asks golang.org/x/mod (through {@link GoOracle}) with the arguments sent as the bytes Go would
 * hold for our Java strings, so that lone surrogates reach it as invalid UTF-8 rather than being
 * replaced on the way. Also compares its answer with ours.
 */
public final class XModOracle {
    private XModOracle() {
    }

    /** The raw reply: {@code {"result": …}} and/or {@code {"error": "…"}}. */
    public static JsonNode ask(String op, String... args) {
        String[] hexArgs = new String[args.length + 1];
        hexArgs[0] = op;
        for (int i = 0; i < args.length; i++) {
            hexArgs[i + 1] = HexFormat.of().formatHex(GoStrings.bytes(args[i]));
        }
        return GoOracle.get().ask("hex", hexArgs);
    }

    /** x/mod's answer as an outcome: the result as text, or the error message. */
    public static Outcome outcome(String op, String... args) {
        JsonNode reply = ask(op, args);
        if (reply.hasNonNull("error")) {
            return new Outcome(null, reply.get("error").asText());
        }
        JsonNode result = reply.get("result");
        return new Outcome(result.isTextual() ? result.asText() : result.toString(), null);
    }

    /**
     * A string of ours as it comes back from the oracle: Go's JSON encoder replaces each byte of
     * invalid UTF-8, thus each of the three bytes of a lone surrogate, by U+FFFD.
     */
    public static String asReturned(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append("\uFFFD\uFFFD\uFFFD");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static boolean bool(String op, String... args) {
        return ask(op, args).get("result").asBoolean();
    }

    public static String text(String op, String... args) {
        return outcome(op, args).value();
    }

    /**
     * The answer of a Go function: a value (as text, booleans and numbers in JSON form) or an
     * error message, never both.
     */
    public record Outcome(String value, String error) {
        /** Our answer: the value, or the message of the GosyncException; anything else propagates. */
        public static Outcome of(Supplier<?> call) {
            try {
                Object v = call.get();
                return new Outcome(asReturned(String.valueOf(v)), null);
            } catch (GosyncException e) {
                return new Outcome(null, asReturned(e.getMessage()));
            }
        }

        /** Our answer for a check that returns nothing: "true", or the error (as the oracle's errOrNil reports it). */
        public static Outcome ofCheck(Runnable check) {
            return of(() -> {
                check.run();
                return true;
            });
        }

        public boolean failed() {
            return error != null;
        }

        /** Asserts the same value, or failure with the same message. */
        public void assertSame(Outcome ours, String input) {
            assertEquals(this, ours, () -> "for input " + GoStrings.quote(input));
        }

        /** Asserts the same value, or failure with any message. */
        public void assertSameIgnoringMessage(Outcome ours, String input) {
            assertEquals(failed(), ours.failed(), () -> "error-ness for " + GoStrings.quote(input)
                    + ": x/mod " + this + ", ours " + ours);
            assertEquals(value, ours.value, () -> "value for " + GoStrings.quote(input));
        }
    }
}
