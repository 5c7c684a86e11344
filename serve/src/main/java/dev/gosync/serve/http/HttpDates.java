package dev.gosync.serve.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** HTTP dates (IMF-fixdate, RFC 9110 section 5.6.7), and the current one cached per second. */
final class HttpDates {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** (second, formatted) of the last call to {@link #now()}; formatting on every request would cost more than the rest of a cached response. */
    private static volatile Cached current = new Cached(-1, "");

    private record Cached(long second, String text) {
    }

    private HttpDates() {
    }

    static String format(long epochSecond) {
        return FORMAT.format(Instant.ofEpochSecond(epochSecond));
    }

    /** The current date as an HTTP date. */
    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Cached c = current;
        if (c.second != second) {
            c = new Cached(second, format(second));
            current = c;
        }
        return c.text;
    }

    /** Seconds since the epoch, or -1 when the text is not an IMF-fixdate (obsolete formats are ignored, as a cache validator may be). */
    static long parse(String text) {
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
