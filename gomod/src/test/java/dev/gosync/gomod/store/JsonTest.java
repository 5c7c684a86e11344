package dev.gosync.gomod.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.GoUtf8;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The JSON reader accepts what Go's encoding/json accepts and decodes strings as Go does. */
class JsonTest {
    private static Json.Value parse(String json) {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(byte[] json) {
        return ((Json.Str) Json.parse(json)).text();
    }

    private static String string(String json) {
        return string(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsNestedValuesKeepingMemberOrderAndRepeatedKeys() {
        Json.Obj obj = (Json.Obj) parse(" {\"a\": [1, -2.5e+3, true, false, null, {}], \"a\": \"x\"}\n");
        assertEquals(List.of("a", "a"), obj.members().stream().map(Json.Member::key).toList());
        Json.Arr arr = (Json.Arr) obj.members().get(0).value();
        assertEquals(List.of("1", "-2.5e+3", "true", "false", "null"),
                arr.elements().subList(0, 5).stream().map(v -> ((Json.Literal) v).text()).toList());
        assertInstanceOf(Json.Obj.class, arr.elements().get(5));
    }

    @Test
    void spansCoverEachValueAndMemberExactly() {
        String json = "{\"k\" : {\"x\":1} }";
        Json.Obj obj = (Json.Obj) parse(json);
        Json.Member member = obj.members().get(0);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertEquals("{\"x\":1}", GoUtf8.decodeAll(bytes, member.value().start(), member.value().end()));
        assertEquals("\"k\" : {\"x\":1}", GoUtf8.decodeAll(bytes, member.start(), member.value().end()));
        assertEquals(json.length(), obj.end());
    }

    @Test
    void decodesEveryEscape() {
        assertEquals("\"\\/\b\f\n\r\t\u00e9", string("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E9\""));
    }

    @Test
    void marksStringsThatHeldEscapes() {
        assertTrue(((Json.Str) parse("\"\\u0041\"")).escaped());
        assertFalse(((Json.Str) parse("\"A\"")).escaped());
    }

    @Test
    void joinsEscapedSurrogatePairs() {
        assertEquals("\uD83D\uDE00", string("\"\\ud83d\\ude00\""));
    }

    @Test
    void turnsEscapedLoneSurrogatesIntoReplacementCharacters() {
        assertEquals("\uFFFD", string("\"\\ud800\""));
        assertEquals("\uFFFD", string("\"\\udc00\""));
        assertEquals("\uFFFDA", string("\"\\ud800\\u0041\""));
        assertEquals("\uFFFD\uFFFD", string("\"\\udc00\\ud800\""));
    }

    @Test
    void turnsEachInvalidUtf8ByteIntoAReplacementCharacter() {
        // A truncated sequence, an overlong NUL, an encoded surrogate, a code point above U+10FFFF.
        assertEquals("\uFFFD\uFFFDx", string(new byte[] {'"', (byte) 0xE2, (byte) 0x82, 'x', '"'}));
        assertEquals("\uFFFD\uFFFD", string(new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'}));
        assertEquals("\uFFFD\uFFFD\uFFFD", string(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}));
        assertEquals("\uFFFD\uFFFD\uFFFD\uFFFD",
                string(new byte[] {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}));
        assertEquals("\uD83D\uDE00", string(new byte[] {'"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, '"'}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "01", "1.",
            ".5", "+1", "-", "1e", "1e+", "NaN", "tru", "nul", "truex", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"",
            "\"a\tb\"", "\"a\nb\"", "{} {}", "[1 2]", "\ufeff{}", "/* */ {}", "{\"a\":1}x", "[\"a\",,]"})
    void rejectsMalformedJson(String json) {
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> parse(json));
        assertTrue(e.getMessage().startsWith("invalid JSON at byte "), e.getMessage());
    }

    @Test
    void acceptsNestingUpToTheLimitAndRejectsDeeper() {
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertInstanceOf(Json.Arr.class, parse(ok));
        String deep = "{\"a\":".repeat(Json.MAX_DEPTH) + "[]" + "}".repeat(Json.MAX_DEPTH);
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> parse(deep));
        assertTrue(e.getMessage().contains("nested deeper than " + Json.MAX_DEPTH), e.getMessage());
    }

    @Test
    void writesStringsAsGoMarshalDoes() {
        StringBuilder out = new StringBuilder();
        Json.appendGoString(out, "<a&b>\"\\\u0001\u001f\b\f\n\r\t\u007f\u2028\u2029\u00e9\uD83D\uDE00");
        assertEquals("\"\\u003ca\\u0026b\\u003e\\\"\\\\\\u0001\\u001f\\b\\f\\n\\r\\t\u007f\\u2028\\u2029\u00e9\uD83D\uDE00\"",
                out.toString());
    }

    @Test
    void writesEachByteOfALoneSurrogateAsAReplacementEscape() {
        StringBuilder out = new StringBuilder();
        Json.appendGoString(out, "a\uD800b");
        assertEquals("\"a\\ufffd\\ufffd\\ufffdb\"", out.toString());
    }
}
