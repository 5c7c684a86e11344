package dev.gosync.gomod.modfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoOracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Go's view of text: UTF-8 decoding, character classes, quoting. */
class GoTextTest {

    private static String raw(String text) {
        return GoText.fromJava(text);
    }

    @Test
    void printableRangesAreGos() throws Exception {
        StringBuilder ours = new StringBuilder();
        for (int r = 0; r <= 0x10FFFF; r++) {
            if (GoText.isPrint(r)) {
                int lo = r;
                while (r + 1 <= 0x10FFFF && GoText.isPrint(r + 1)) {
                    r++;
                }
                ours.append(Integer.toHexString(lo)).append(' ').append(Integer.toHexString(r)).append('\n');
            }
        }
        String go = GoOracle.get().text("unicode.PrintRanges");
        if (!go.equals(ours.toString())) {
            Path fresh = Files.createTempFile("go-printable", ".txt");
            Files.writeString(fresh, go);
            throw new AssertionError("go-printable.txt differs from the go command's unicode tables; the current "
                    + "ranges are in " + fresh + " (keep the resource's header lines)");
        }
    }

    @Test
    void decodingTakesEachByteOfAnInvalidSequenceAsOneReplacementCharacter() {
        byte[] bytes = {'a', (byte) 0xe2, (byte) 0x82, 'b', (byte) 0xed, (byte) 0xa0, (byte) 0x80};
        String raw = GoText.fromBytes(bytes);
        assertEquals("a\ufffd\ufffdb\ufffd\ufffd\ufffd", GoText.toJava(raw));
    }

    @Test
    void decodingReadsEveryValidLength() {
        String text = "a\u00e9\u20ac\ud83d\ude00";
        assertEquals(text, GoText.toJava(raw(text)));
        assertEquals(List.of(1, 2, 3, 4), List.of(GoText.runeWidth(raw(text), 0), GoText.runeWidth(raw(text), 1),
                GoText.runeWidth(raw(text), 3), GoText.runeWidth(raw(text), 6)));
    }

    @Test
    void charactersNewerThanJavasTablesArePrintable() {
        // U+1FAE8 SHAKING FACE arrived in Unicode 15; Java 17 knows Unicode 13.
        assertTrue(GoText.isPrint(0x1FAE8));
        assertFalse(Character.isDefined(0x1FAE8));
    }

    @Test
    void spacesAreGosSpaces() {
        for (int c : new int[] {'\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x2000, 0x200A, 0x3000}) {
            assertTrue(GoText.isSpace(c), Integer.toHexString(c));
        }
        for (int c : new int[] {0x200B, 0xFEFF, 0x180E, 'x'}) {
            assertFalse(GoText.isSpace(c), Integer.toHexString(c));
        }
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
