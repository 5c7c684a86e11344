package dev.gosync.gomod.dirhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The h1 algorithm itself: summary lines, byte-order sorting, and what it refuses. */
class Hash1Test {

    @Test
    void emptyGoModHashesToTheValueTheGoCommandDrops() {
        assertEquals("h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=", DirHash.hashGoMod(new byte[0]));
    }

    @Test
    void hashIsSha256OfSortedSummaryLines() throws Exception {
        Map<String, String> files = Map.of("b", "two", "a", "one");
        String summary = sha256Hex("one") + "  a\n" + sha256Hex("two") + "  b\n";
        String expected = "h1:" + Base64.getEncoder().encodeToString(sha256(summary.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, DirHash.hash1(List.of("b", "a"), n -> stream(files.get(n))));
    }

    @Test
    void namesSortByUtf8BytesNotUtf16Units() throws Exception {
        // U+10000 sorts before U+FFFD in UTF-16 (D800 < FFFD) but after it in UTF-8 (F0 > EF).
        String supplementary = "\uD800\uDC00";
        String replacement = "\uFFFD";
        String summary = sha256Hex("") + "  " + replacement + "\n" + sha256Hex("") + "  " + supplementary + "\n";
        String expected = "h1:" + Base64.getEncoder().encodeToString(sha256(summary.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, DirHash.hash1(List.of(supplementary, replacement), n -> stream("")));
    }

    @Test
    void aNameListedTwiceCountsTwice() {
        String once = DirHash.hash1(List.of("a"), n -> stream("x"));
        String twice = DirHash.hash1(List.of("a", "a"), n -> stream("x"));
        assertNotEquals(once, twice);
    }

    @Test
    void namesWithNewlinesAreRefused() {
        DirHashException e = assertThrows(DirHashException.class,
                () -> DirHash.hash1(List.of("a\nb"), n -> stream("")));
        assertEquals("cannot hash file \"a\\nb\": h1 does not support file names containing a newline", e.getMessage());
    }

    @Test
    void namesWithLoneSurrogatesAreRefused() {
        assertThrows(DirHashException.class, () -> new Hash1Builder().add("a\uD800", new byte[32]));
    }

    @Test
    void streamingAFileGivesTheSameHashAsReadingIt() throws IOException {
        Hash1Builder streamed = new Hash1Builder();
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (OutputStream out = streamed.file("x/y", target)) {
            out.write("hello ".getBytes(StandardCharsets.UTF_8));
            out.write('w');
            out.write("orld".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("hello world", target.toString(StandardCharsets.UTF_8));
        assertEquals(DirHash.hash1(List.of("x/y"), n -> stream("hello world")), streamed.build());
    }

    @Test
    void goModHashOfAStreamEqualsThatOfItsBytes() {
        byte[] goMod = "module example.com/m\n\ngo 1.21\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(DirHash.hashGoMod(goMod), DirHash.hashGoMod(new ByteArrayInputStream(goMod)));
        assertEquals(DirHash.hash1(List.of("go.mod"), n -> new ByteArrayInputStream(goMod)), DirHash.hashGoMod(goMod));
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String s) throws Exception {
        return HexFormat.of().formatHex(sha256(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }
}
