package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
    @ParameterizedTest
    @CsvSource({"1000, 1000", "4GiB, 4294967296", "4gib, 4294967296", "700MB, 700000000", "512 KiB, 524288",
        "1B, 1", "2TB, 2000000000000"})
    void readsBytesWithDecimalAndBinaryUnits(String text, long bytes) {
        assertEquals(bytes, ByteSize.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GiB", "0", "0MB", "1.5GiB", "-1", "4 parsecs", "99999999999999999999", "9999999999TiB"})
    void refusesWhatIsNotAPositiveSize(String text) {
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(text));
    }

    @Test
    void showsSizesWithBinaryUnits() {
        assertEquals("999 B", ByteSize.format(999));
        assertEquals("1.5 KiB", ByteSize.format(1536));
        assertEquals("4.0 GiB", ByteSize.format(4L << 30));
    }
}
