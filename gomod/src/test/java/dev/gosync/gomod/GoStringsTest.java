package dev.gosync.gomod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.fixtures.GoOracle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** GoStrings quotes as Go's strconv does, with Go's notion of printable characters. */
class GoStringsTest {

    @Test
    void quoteEscapesExactlyTheCodePointsStrconvEscapes() {
        GoOracle oracle = GoOracle.get();
        for (int first = 0; first <= Character.MAX_CODE_POINT; first += 256) {
            StringBuilder text = new StringBuilder();
            for (int c = first; c < first + 256; c++) {
                if (c < 0xD800 || c > 0xDFFF) {
                    text.appendCodePoint(c);
                }
            }
            assertEquals(oracle.text("strconv.Quote", text.toString()), GoStrings.quote(text.toString()),
                    "code points from U+" + Integer.toHexString(first));
        }
    }

    @Test
    void charactersNewerThanJavasUnicodeAreQuotedAsThemselves() {
        // U+1FAE8 SHAKING FACE (Unicode 15) and U+0870 ARABIC LETTER ALEF WITH ATTACHED FATHA (14).
        assertEquals("\"\uD83E\uDEE8\u0870\"", GoStrings.quote("\uD83E\uDEE8\u0870"));
        assertEquals("'\uD83E\uDEE8'", GoStrings.quoteRune(0x1FAE8));
    }

    @Test
    void aLoneSurrogateIsQuotedAsTheInvalidBytesGoWouldHold() {
        assertEquals("\"a\\xed\\xa0\\x80\"", GoStrings.quote("a\uD800"));
    }

    @Property(tries = 1000)
    void bytesAreQuotedAsStrconvQuotesThem(@ForAll("mixedUtf8") byte[] bytes) {
        String go = GoOracle.get().text("hex", "strconv.Quote", HexFormat.of().formatHex(bytes));
        assertEquals(go, GoStrings.quote(bytes));
    }

    /** Valid UTF-8 of any rune mixed with single bytes, most of which are not valid alone. */
    @Provide
    Arbitrary<byte[]> mixedUtf8() {
        Arbitrary<byte[]> rune = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(c -> Character.getType(c) != Character.SURROGATE)
                .map(c -> Character.toString(c).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> oneByte = Arbitraries.bytes().map(b -> new byte[] {b});
        return Arbitraries.oneOf(rune, oneByte).list().ofMaxSize(8).map(pieces -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pieces.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @Test
    void unassignedCodePointsAreEscaped() {
        assertEquals("\"\\u0378\\U000e0080\"", GoStrings.quote("\u0378\uDB40\uDC80"));
        assertEquals("'\\u0378'", GoStrings.quoteRune(0x0378));
    }
}
