package dev.gosync.agent.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.fixtures.GoOracle;
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

class GoFieldsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static List<String> hexFields(byte[] data) {
        List<String> out = new ArrayList<>();
        for (byte[] f : GoFields.split(data)) {
            out.add(HEX.formatHex(f));
        }
        return out;
    }

    private static List<String> goFields(byte[] data) {
        JsonNode reply = GoOracle.get().ask("hex", "strings.Fields", HEX.formatHex(data));
        List<String> out = new ArrayList<>();
        reply.get("result").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void splitsOnUnicodeSpaceButNotOnOtherSeparators() {
        byte[] data = "a\u00a0b\u2003c\u001fd\u200be\r\nf\u0085g".getBytes(StandardCharsets.UTF_8);
        List<String> fields = GoFields.split(data).stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        assertEquals(List.of("a", "b", "c\u001fd\u200be", "f", "g"), fields);
    }

    @Test
    void invalidUtf8IsKeptByteForByte() {
        byte[] data = {'x', (byte) 0xC2, ' ', (byte) 0xA0, (byte) 0xFF, ' ', (byte) 0xE2, (byte) 0x80};
        assertEquals(List.of("78c2", "a0ff", "e280"), hexFields(data));
    }

    @Test
    void stringFormsAgreeWithTheByteForm() {
        assertEquals(List.of("a", "b"), GoFields.split(" a\u3000b\t"));
        assertEquals("a b", GoFields.trimSpace("\u00a0\u2028a b\u0085 "));
        assertEquals("", GoFields.trimSpace(" \t\u205f"));
    }

    @Property(tries = 1500)
    void agreesWithGoStringsFields(@ForAll("spacey") byte[] data) {
        assertEquals(goFields(data), hexFields(data));
    }

    @Provide
    Arbitrary<byte[]> spacey() {
        Arbitrary<byte[]> pieces = Arbitraries.of(
                b(" "), b("\t"), b("\n"), b("\u000b"), b("\f"), b("\r"), b("\u0085"), b("\u00a0"), b("\u1680"),
                b("\u2000"), b("\u200a"), b("\u200b"), b("\u2028"), b("\u202f"), b("\u205f"), b("\u3000"),
                b("\u001c"), b("x"), b("é"), b("😀"), new byte[] {(byte) 0xC2}, new byte[] {(byte) 0xE2, (byte) 0x80},
                new byte[] {(byte) 0xA0}, new byte[] {(byte) 0x85}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xFF});
        return pieces.list().ofMaxSize(10).map(list -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
