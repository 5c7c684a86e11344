package dev.gosync.bundle.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreationTimeTest {
    private final Clock clock = Clock.fixed(Instant.parse("2025-02-03T04:05:06.789Z"), ZoneOffset.UTC);

    @Test
    void sourceDateEpochWins() {
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"),
                CreationTime.resolve(Map.of("SOURCE_DATE_EPOCH", "1700000000"), clock));
    }

    @Test
    void withoutItTheClockIsTruncatedToSeconds() {
        assertEquals(Instant.parse("2025-02-03T04:05:06Z"), CreationTime.resolve(Map.of(), clock));
        assertEquals(Instant.parse("2025-02-03T04:05:06Z"), CreationTime.resolve(Map.of("SOURCE_DATE_EPOCH", ""), clock));
    }

    @Test
    void aMalformedSourceDateEpochIsAnError() {
        assertThrows(ManifestException.class, () -> CreationTime.resolve(Map.of("SOURCE_DATE_EPOCH", "-1"), clock));
        assertThrows(ManifestException.class, () -> CreationTime.resolve(Map.of("SOURCE_DATE_EPOCH", "1.5"), clock));
        assertThrows(ManifestException.class, () -> CreationTime.resolve(Map.of("SOURCE_DATE_EPOCH", "now"), clock));
    }
}
