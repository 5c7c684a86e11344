package dev.gosync.gomod.gosum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** go.sum parsing never fails uncleanly, and writing is a fixed point. */
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

    @Provide
    Arbitrary<String> goSumText() {
        Arbitrary<String> field = Arbitraries.of("example.com/a", "example.com/a/b", "example.com/A", "v1.0.0", "v1.10.0",
                "v1.9.0/go.mod", "v1.0.0-rc.1", "v1.0", "h1:abc=", "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=", "x");
        Arbitrary<String> space = Arbitraries.of(" ", "\t", "  ", "\u00a0", "\r");
        Arbitrary<String> line = Combinators.combine(field.list().ofMaxSize(4), space)
                .as((fields, separator) -> String.join(separator, fields));
        return line.list().ofMaxSize(12).map(lines -> String.join("\n", lines));
    }
}
