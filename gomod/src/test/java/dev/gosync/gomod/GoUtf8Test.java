package dev.gosync.gomod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** GoUtf8 decodes as Go's unicode/utf8: valid runes whole, anything else one byte at a time. */
class GoUtf8Test {

    @Test
    void decodingReadsEveryValidLength() {
        byte[] text = "a\u00e9\u20ac\ud83d\ude00".getBytes(StandardCharsets.UTF_8);
        List<GoUtf8.Rune> runes = new ArrayList<>();
        for (int i = 0; i < text.length; i += runes.get(runes.size() - 1).width()) {
            runes.add(GoUtf8.decode(text, i, text.length));
        }
        assertEquals(List.of(new GoUtf8.Rune('a', 1), new GoUtf8.Rune(0xE9, 2), new GoUtf8.Rune(0x20AC, 3),
                new GoUtf8.Rune(0x1F600, 4)), runes);
    }

    @Test
    void eachByteOfAnInvalidSequenceIsOneReplacementCharacter() {
        byte[] bytes = {'a', (byte) 0xe2, (byte) 0x82, 'b', (byte) 0xed, (byte) 0xa0, (byte) 0x80};
        assertEquals("a\ufffd\ufffdb\ufffd\ufffd\ufffd", GoUtf8.decodeAll(bytes, 0, bytes.length));
    }

    @Test
    void overlongFormsAndValuesBeyondUnicodeAreInvalid() {
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xFF})) {
            assertTrue(GoUtf8.decode(bad, 0, bad.length).invalid());
        }
    }

    @Test
    void aSequenceCutShortByTheEndIsInvalid() {
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        assertTrue(GoUtf8.decode(euro, 0, 2).invalid());
        assertEquals(new GoUtf8.Rune(0x20AC, 3), GoUtf8.decode(euro, 0, 3));
    }

    @Test
    void aReplacementCharacterWrittenInTheInputIsValid() {
        byte[] bytes = "\ufffd".getBytes(StandardCharsets.UTF_8);
        assertFalse(GoUtf8.decode(bytes, 0, bytes.length).invalid());
    }

    @Property(tries = 2000)
    void validTextDecodesAsJavaDecodesIt(@ForAll String text) {
        if (!GoStrings.isValidUtf8(text)) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(text, GoUtf8.decodeAll(bytes, 0, bytes.length));
    }
}
