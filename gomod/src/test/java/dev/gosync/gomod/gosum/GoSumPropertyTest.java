package dev.gosync.gomod.gosum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.fixtures.GoOracle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** go.sum parsing never fails uncleanly, splits fields as Go does, and writing is a fixed point. */
class GoSumPropertyTest {

    @Property(tries = 3000)
    void arbitraryBytesParseOrFailWithAGoSumException(@ForAll byte[] data) {
        try {
            GoSum.parse("fuzz/go.sum", data);
        } catch (GoSumException e) {
            assertTrue(e.getMessage().startsWith("malformed go.sum: fuzz/go.sum:"), e.getMessage());
        }
    }

    @Property(tries = 1000)
    void writtenGoSumReadsBackAndWritesTheSameBytes(@ForAll("goSumText") String text) {
        GoSum sum;
        try {
            sum = GoSum.parse("go.sum", text.getBytes(StandardCharsets.UTF_8));
        } catch (GoSumException malformed) {
            return;
        }
        byte[] written = sum.toBytes();
        GoSum reread = GoSum.parse("go.sum", written);
        assertEquals(sum.lines(), reread.lines());
        assertArrayEquals(written, reread.toBytes());
    }

    @Property(tries = 500, seed = "20260813")
    void fieldsSplitAsGoStringsFieldsSplits(@ForAll("spacedText") String line) {
        JsonNode fields = GoOracle.get().ask("strings.Fields", line).get("result");
        List<String> expected = new ArrayList<>();
        fields.forEach(f -> expected.add(new String(HexFormat.of().parseHex(f.asText()), StandardCharsets.UTF_8)));
        assertEquals(expected, GoFields.split(line));
    }

    @Provide
    Arbitrary<String> goSumText() {
        Arbitrary<String> field = Arbitraries.of("example.com/a", "example.com/a/b", "example.com/A", "v1.0.0", "v1.10.0",
                "v1.9.0/go.mod", "v1.0.0-rc.1", "v1.0", "h1:abc=", "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=", "x");
        Arbitrary<String> space = Arbitraries.of(" ", "\t", "  ", "\u00a0", "\r");
        Arbitrary<String> line = Combinators.combine(field.list().ofMaxSize(4), space)
                .as((fields, separator) -> String.join(separator, fields));
        return line.list().ofMaxSize(12).map(lines -> String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> spacedText() {
        return Arbitraries.strings().withChars('a', 'b', ' ', '\t', '\n', '\u000b', '\f', '\r', '\u0085', '\u00a0',
                '\u1680', '\u180e', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000',
                '\u001c', '\u001f', '\ufeff').ofMaxLength(12);
    }
}
