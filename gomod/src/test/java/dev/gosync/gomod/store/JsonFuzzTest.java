package dev.gosync.gomod.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/**
 * Junk input gets a value or a MalformedJsonException (an InvalidInfoException from RevInfo),
 * quickly; what the Go writer writes reads back.
 */
class JsonFuzzTest {
    @Property(tries = 3000)
    void junkParsesOrFailsCleanly(@ForAll("junk") byte[] input) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            try {
                Json.parse(input);
            } catch (MalformedJsonException expected) {
                // The one exception the contract allows.
            }
        });
    }

    @Property(tries = 2000)
    void junkRevisionInfoParsesOrFailsCleanly(@ForAll("junk") byte[] input) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            try {
                RevInfo.parse(input).toJson();
            } catch (InvalidInfoException expected) {
                // The one exception the contract allows.
            }
        });
    }

    @Property(tries = 2000)
    void goEncodedStringsDecodeToTheSameText(@ForAll("texts") String text) {
        StringBuilder out = new StringBuilder();
        Json.appendGoString(out, text);
        assertEquals(text, ((Json.Str) Json.parse(out.toString().getBytes(StandardCharsets.UTF_8))).text());
    }

    @Provide
    Arbitrary<byte[]> junk() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00",
                "\"Version\"", "\"v1.0.0\"", "\"Time\"", "\"2020-01-02T03:04:05Z\"", "\"Origin\"", "0", "-1.5e3",
                "true", "null", " ", "\n", "\u00e9", "\uFFFD", "01", "e");
        Arbitrary<byte[]> tokenStreams = tokens.list().ofMaxSize(40).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> rawBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(60);
        Arbitrary<byte[]> deep = Arbitraries.integers().between(1, 5000).map(n -> "[".repeat(n).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(tokenStreams, rawBytes, deep);
    }

    @Provide
    Arbitrary<String> texts() {
        // No lone surrogates: Go's writer cannot carry them (each of their bytes becomes U+FFFD).
        return Arbitraries.strings().all().ofMaxLength(30).filter(s -> s.codePoints().noneMatch(
                c -> Character.getType(c) == Character.SURROGATE));
    }
}
