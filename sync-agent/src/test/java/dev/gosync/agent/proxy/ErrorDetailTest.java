package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorDetailTest {
    private static String format(String body) {
        return ErrorDetail.format(body.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void stopsAtTheFirstBlankLine() {
        assertEquals("one\n\ttwo", format("one\ntwo\n  \nthree"));
    }

    @Test
    void showsAtMostEightLines() {
        assertEquals("1\n\t2\n\t3\n\t4\n\t5\n\t6\n\t7\n\t8\n\t[Truncated: too many lines.]", format("1\n2\n3\n4\n5\n6\n7\n8\n9\n10"));
        assertEquals("1\n\t2\n\t3\n\t4\n\t5\n\t6\n\t7\n\t8", format("1\n2\n3\n4\n5\n6\n7\n8\n"));
    }

    @Test
    void showsAtMostAboutSixHundredFiftyBytes() {
        String line = "x".repeat(300);
        assertEquals(line + "\n\t" + line + "\n\t[Truncated: too long.]", format(line + "\n" + line + "\n" + line));
        assertEquals("[Truncated: too long.]", format("x".repeat(649)));
        assertEquals("x".repeat(648), format("x".repeat(648)));
    }

    @Test
    void controlCharactersOrInvalidUtf8HideEverything() {
        assertEquals("", format("fine\n\u001b[31mred"));
        assertEquals("", ErrorDetail.format(new byte[] {'o', 'k', (byte) 0xFF}, false));
        assertEquals("tab\tand\u00a0space", format("tab\tand\u00a0space"));
    }

    @Test
    void aBodyCutShortLosesOnlyItsPartialLastLine() {
        byte[] cut = "first\nsecond\nthi".getBytes(StandardCharsets.UTF_8);
        assertEquals("first\n\tsecond", ErrorDetail.format(cut, true));
        assertEquals("[Truncated: too long.]", ErrorDetail.format("no newline at all".getBytes(StandardCharsets.UTF_8), true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/plain                      | shown",
        "text/plain; charset=utf-8       | shown",
        "Text/Plain; Charset=\"US-ASCII\" | shown",
        "text/plain; charset=iso-8859-1  | ''",
        "text/html                       | ''",
        "application/json                | ''",
    })
    void onlyPlainUtf8BodiesAreShown(String contentType, String expected) throws IOException {
        String shown = ErrorDetail.read(Optional.of(contentType), new ByteArrayInputStream("shown".getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, shown);
    }

    @Test
    void noContentTypeNoDetail() throws IOException {
        assertEquals("", ErrorDetail.read(Optional.empty(), new ByteArrayInputStream(new byte[] {'x'})));
    }
}
