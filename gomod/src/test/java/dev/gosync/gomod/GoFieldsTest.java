package dev.gosync.gomod;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.fixtures.GoOracle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** GoFields splits and trims as Go's strings.Fields and strings.TrimSpace do, on bytes and on strings. */
class GoFieldsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void splitsOnUnicodeSpaceButNotOnOtherSeparators() {
        byte[] data = utf8("a\u00a0b\u2003c\u001fd\u200be\r\nf\u0085g");
        List<String> fields = GoFields.split(data).stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        assertEquals(List.of("a", "b", "c\u001fd\u200be", "f", "g"), fields);
    }

    @Test
    void invalidUtf8IsKeptByteForByte() {
        byte[] data = {'x', (byte) 0xC2, ' ', (byte) 0xA0, (byte) 0xFF, ' ', (byte) 0xE2, (byte) 0x80};
        assertEquals(List.of("78c2", "a0ff", "e280"), hex(GoFields.split(data)));
    }

    @Test
    void splitsOnlyTheGivenRange() {
        byte[] data = utf8("skip a b skip");
        assertEquals(List.of("a", "b"), GoFields.split(data, 4, 8).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList());
    }

    @Test
    void stringFormsAgreeWithTheByteForm() {
        assertEquals(List.of("a", "b"), GoFields.split(" a\u3000b\t"));
        assertEquals("a b", GoFields.trimSpace("\u00a0\u2028a b\u0085 "));
        assertEquals("", GoFields.trimSpace(" \t\u205f"));
    }

    @Test
    void trimmingKeepsInvalidBytesAtEitherEnd() {
        byte[] data = {(byte) 0xC2, ' ', 'a', ' ', (byte) 0xE2, (byte) 0x80, (byte) 0xA8, (byte) 0xE2, (byte) 0x80};
        assertArrayEquals(data, GoFields.trimSpace(data));
        assertArrayEquals(new byte[] {'a'}, GoFields.trimSpace(utf8("\u00a0\t a\u2028\u0085 ")));
    }

    @Property(tries = 1500)
    void bytesSplitAsGoStringsFieldsSplits(@ForAll("spacey") byte[] data) {
        List<String> go = new ArrayList<>();
        GoOracle.get().ask("hex", "strings.Fields", HEX.formatHex(data)).get("result").forEach(f -> go.add(f.asText()));
        assertEquals(go, hex(GoFields.split(data)));
    }

    @Property(tries = 1000)
    void bytesTrimAsGoStringsTrimSpaceTrims(@ForAll("spacey") byte[] data) {
        String go = GoOracle.get().ask("hex", "strings.TrimSpace", HEX.formatHex(data)).get("result").asText();
        assertEquals(go, HEX.formatHex(GoFields.trimSpace(data)));
    }

    @Property(tries = 500, seed = "20260813")
    void stringsSplitAsGoStringsFieldsSplits(@ForAll("spacedText") String line) {
        List<String> go = new ArrayList<>();
        GoOracle.get().ask("strings.Fields", line).get("result")
                .forEach(f -> go.add(new String(HEX.parseHex(f.asText()), StandardCharsets.UTF_8)));
        assertEquals(go, GoFields.split(line));
    }

    /** Every kind of space, separators that are not space, and valid and invalid UTF-8. */
    @Provide
    Arbitrary<byte[]> spacey() {
        Arbitrary<byte[]> pieces = Arbitraries.of(
                utf8(" "), utf8("\t"), utf8("\n"), utf8("\u000b"), utf8("\f"), utf8("\r"), utf8("\u0085"),
                utf8("\u00a0"), utf8("\u1680"), utf8("\u2000"), utf8("\u200a"), utf8("\u200b"), utf8("\u2028"),
                utf8("\u202f"), utf8("\u205f"), utf8("\u3000"), utf8("\u001c"), utf8("x"), utf8("é"), utf8("😀"),
                new byte[] {(byte) 0xC2}, new byte[] {(byte) 0xE2, (byte) 0x80}, new byte[] {(byte) 0xA0},
                new byte[] {(byte) 0x85}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xFF});
        return pieces.list().ofMaxSize(10).map(list -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @Provide
    Arbitrary<String> spacedText() {
        return Arbitraries.strings().withChars('a', 'b', ' ', '\t', '\n', '\u000b', '\f', '\r', '\u0085', '\u00a0',
                '\u1680', '\u180e', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000',
                '\u001c', '\u001f', '\ufeff').ofMaxLength(12);
    }

    private static List<String> hex(List<byte[]> fields) {
        return fields.stream().map(HEX::formatHex).toList();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
