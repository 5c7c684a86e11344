package dev.gosync.gomod.modfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Go's view of text: UTF-8 decoding, character classes, quoting. */
class GoTextTest {

    private static String raw(String text) {
        return GoText.fromJava(text);
    }

    @Test
    void decodingTakesEachByteOfAnInvalidSequenceAsOneReplacementCharacter() {
        byte[] bytes = {'a', (byte) 0xe2, (byte) 0x82, 'b', (byte) 0xed, (byte) 0xa0, (byte) 0x80};
        String raw = GoText.fromBytes(bytes);
        assertEquals("a\ufffd\ufffdb\ufffd\ufffd\ufffd", GoText.toJava(raw));
    }

    @Test
    void runesAreReadFromTheirBytesUpToTheEndOfTheText() {
        String text = raw("a\u00e9\u20ac\ud83d\ude00");
        assertEquals(List.of(1, 2, 3, 4), List.of(GoText.runeAt(text, 0).width(), GoText.runeAt(text, 1).width(),
                GoText.runeAt(text, 3).width(), GoText.runeAt(text, 6).width()));
        assertEquals(0x1F600, GoText.runeAt(text, 6).value());
        assertTrue(GoText.runeAt(text.substring(0, 8), 6).invalid());
    }

    @Test
    void trimSpaceRemovesUnicodeSpacesButNotInvalidBytes() {
        assertEquals(raw("a b"), GoText.trimSpace(raw("\u00a0\t a b\u2028\u0085 ")));
        assertEquals("\u00ff", GoText.trimSpace("\u00ff "));
    }

    @Test
    void quoteEscapesLikeStrconv() {
        assertEquals(raw("\"a\\\"b\\\\c\\td\\x00\\u200b\u00e9\\xff\\U0010ffff\""),
                GoText.quote(raw("a\"b\\c\td\u0000\u200b\u00e9") + "\u00ff" + raw("\udbff\udfff")));
    }

    @Test
    void charactersNewerThanJavasUnicodeNeedNoQuotes() {
        // U+1FAE8 SHAKING FACE came with Unicode 15.
        assertEquals(raw("\uD83E\uDEE8"), GoText.autoQuote(raw("\uD83E\uDEE8")));
    }

    @Test
    void unquoteReadsEveryEscape() {
        assertEquals(Optional.of(raw("\u0007\b\f\n\r\t\u000b\\\"A\u00e9\ud83d\ude00") + "\u00ff"),
                GoText.unquote(raw("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\x41\\u00e9\\U0001F600\\377\"")));
    }

    @Test
    void unquoteRefusesMalformedLiterals() {
        for (String bad : List.of("\"\\q\"", "\"\\'\"", "\"\\x4\"", "\"\\400\"", "\"\\ud800\"", "\"\\U00110000\"",
                "\"a\nb\"", "\"a\"b\"", "\"abc")) {
            assertEquals(Optional.empty(), GoText.unquote(raw(bad)), bad);
        }
    }

    @Test
    void unquoteReplacesInvalidUtf8() {
        assertEquals(Optional.of(raw("a\ufffd")), GoText.unquote("\"a\u00ff\""));
    }

    @Test
    void valuesAreQuotedOnlyWhenATokenCouldNotHoldThem() {
        for (String plain : List.of("example.com/m", "v1.0.0", "(", ",", "./été", "a=b")) {
            assertEquals(raw(plain), GoText.autoQuote(raw(plain)), plain);
        }
        for (String quoted : List.of("", "a b", "a\"b", "a'b", "a`b", "(a", "a,b", "a//b", "a/*b", "\u200b", "a\tb")) {
            assertEquals(GoText.quote(raw(quoted)), GoText.autoQuote(raw(quoted)), quoted);
        }
    }

    @Test
    void fieldsSplitAtRunsOfSpaces() {
        assertEquals(List.of("indirect;", "why"), GoText.fields(raw(" indirect;\u00a0\t why ")));
        assertEquals(List.of(), GoText.fields(raw(" \t")));
    }

    @Test
    void rawTextRoundTripsEveryByte() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertEquals(new String(all, StandardCharsets.ISO_8859_1), GoText.fromBytes(all));
        assertEquals(256, GoText.toBytes(GoText.fromBytes(all)).length);
    }
}
