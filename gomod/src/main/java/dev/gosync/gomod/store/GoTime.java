package dev.gosync.gomod.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The {@code Time} of a {@code .info} file, read and re-written as Go's {@code time.Time} JSON
 * methods do. Reading takes the strict RFC 3339 form and, failing that, what Go's lenient
 * {@code time.Parse(time.RFC3339, …)} also accepts (a one-digit hour, a comma before the
 * fraction, zone offsets up to 24:60). Writing keeps the wall clock and the zone offset, trims
 * trailing zeros of the fraction (at most nine digits are kept) and spells a zero offset
 * {@code Z}.
 *
 * @param nanos         the fraction of the second, in nanoseconds
 * @param offsetSeconds the zone offset east of UTC
 */
record GoTime(int year, int month, int day, int hour, int minute, int second, int nanos, int offsetSeconds) {
    /** Go's zero time as {@code json.Marshal} writes it: what an absent or null {@code Time} becomes. */
    static final String ZERO = "0001-01-01T00:00:00Z";

    private static final int MINUTE = 60;
    private static final int HOUR = 60 * MINUTE;

    /** The time text means, or null when Go's {@code Time.UnmarshalJSON} would reject it. */
    static GoTime parse(String text) {
        if (!text.chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        GoTime strict = parseStrict(text);
        return strict != null ? strict : parseLenient(text);
    }

    /**
     * Whether Go's {@code Time.MarshalJSON} can write this time: it refuses offsets of 24 hours or
     * more, which its lenient reader accepts, and the go command then caches no {@code .info}.
     */
    boolean marshallable() {
        return Math.abs(offsetSeconds) / HOUR < 24;
    }

    /** The text Go's {@code Time.MarshalJSON} writes, without quotes (RFC 3339 with nanoseconds). */
    String format() {
        StringBuilder out = new StringBuilder(35);
        out.append(pad(year, 4)).append('-').append(pad(month, 2)).append('-').append(pad(day, 2))
                .append('T').append(pad(hour, 2)).append(':').append(pad(minute, 2)).append(':').append(pad(second, 2));
        if (nanos != 0) {
            String fraction = pad(nanos, 9);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
        if (offsetSeconds == 0) {
            return out.append('Z').toString();
        }
        int minutes = Math.abs(offsetSeconds) / MINUTE;
        return out.append(offsetSeconds < 0 ? '-' : '+').append(pad(minutes / 60, 2)).append(':')
                .append(pad(minutes % 60, 2)).toString();
    }

    Instant instant() {
        long local = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
        return Instant.ofEpochSecond(local - offsetSeconds, nanos);
    }

    /** Go's fast path: fixed-width fields, '.' before the fraction, offsets within 23:59. */
    private static GoTime parseStrict(String s) {
        if (s.length() < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = number(s, 0, 4, 0, 9999);
        int month = number(s, 5, 7, 1, 12);
        int day = month < 0 ? -1 : number(s, 8, 10, 1, daysIn(month, year));
        int hour = number(s, 11, 13, 0, 23);
        int minute = number(s, 14, 16, 0, 59);
        int second = number(s, 17, 19, 0, 59);
        if (year < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        Tail tail = Tail.parse(s, 19, false);
        return tail == null ? null : new GoTime(year, month, day, hour, minute, second, tail.nanos, tail.offsetSeconds);
    }

    /** Go's {@code time.Parse(time.RFC3339, s)}, field by field. */
    private static GoTime parseLenient(String s) {
        int year = number(s, 0, 4, 0, 9999);
        if (year < 0 || !charAt(s, 4, '-')) {
            return null;
        }
        int month = number(s, 5, 7, 1, 12);
        if (month < 0 || !charAt(s, 7, '-')) {
            return null;
        }
        int day = number(s, 8, 10, 0, 99);
        if (day < 1 || day > daysIn(month, year) || !charAt(s, 10, 'T')) {
            return null;
        }
        int i = 11;
        int hourEnd = isDigit(s, i + 1) ? i + 2 : i + 1;
        int hour = number(s, i, hourEnd, 0, 23);
        if (hour < 0 || !charAt(s, hourEnd, ':')) {
            return null;
        }
        i = hourEnd + 1;
        int minute = number(s, i, i + 2, 0, 59);
        if (minute < 0 || !charAt(s, i + 2, ':')) {
            return null;
        }
        i += 3;
        int second = number(s, i, i + 2, 0, 59);
        if (second < 0) {
            return null;
        }
        Tail tail = Tail.parse(s, i + 2, true);
        return tail == null ? null : new GoTime(year, month, day, hour, minute, second, tail.nanos, tail.offsetSeconds);
    }

    /** What follows the seconds: an optional fraction, then the zone. */
    private record Tail(int nanos, int offsetSeconds) {
        /**
         * Reads s from i to its end, or returns null. The lenient reading also takes a comma
         * before the fraction and zone offsets up to 24:60.
         */
        static Tail parse(String s, int i, boolean lenient) {
            int nanos = 0;
            if (s.length() >= i + 2 && (s.charAt(i) == '.' || (lenient && s.charAt(i) == ',')) && isDigit(s, i + 1)) {
                int end = digitsEnd(s, i + 1);
                nanos = GoTime.nanos(s, i + 1, end);
                i = end;
            }
            String zone = s.substring(i);
            if (zone.equals("Z")) {
                return new Tail(nanos, 0);
            }
            if (zone.length() != 6 || (zone.charAt(0) != '+' && zone.charAt(0) != '-') || zone.charAt(3) != ':') {
                return null;
            }
            int offsetHours = number(zone, 1, 3, 0, lenient ? 24 : 23);
            int offsetMinutes = number(zone, 4, 6, 0, lenient ? 60 : 59);
            if (offsetHours < 0 || offsetMinutes < 0) {
                return null;
            }
            return new Tail(nanos, offset(zone.charAt(0), offsetHours, offsetMinutes));
        }
    }

    /** The decimal number in s[from, to), all digits and within [min, max], or -1. */
    private static int number(String s, int from, int to, int min, int max) {
        if (to > s.length() || from >= to) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            if (!isDigit(s, i)) {
                return -1;
            }
            value = value * 10 + s.charAt(i) - '0';
        }
        return value >= min && value <= max ? value : -1;
    }

    /** Nanoseconds from the fraction digits s[from, to); digits after the ninth are dropped. */
    private static int nanos(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < from + 9; i++) {
            value = value * 10 + (i < to ? s.charAt(i) - '0' : 0);
        }
        return value;
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (isDigit(s, i)) {
            i++;
        }
        return i;
    }

    private static int offset(char sign, int hours, int minutes) {
        int seconds = hours * HOUR + minutes * MINUTE;
        return sign == '-' ? -seconds : seconds;
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static boolean charAt(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static String pad(int value, int width) {
        StringBuilder s = new StringBuilder(Integer.toString(value));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }
}
