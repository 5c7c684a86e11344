package dev.gosync.bundle.sign.sshsig;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The times of {@code valid-after} and {@code valid-before}: {@code YYYYMMDD},
 * {@code YYYYMMDDHHMM} or {@code YYYYMMDDHHMMSS}, in UTC with a trailing {@code Z} or
 * {@code UTC}, otherwise in the local time zone (as {@code ssh-keygen} reads them).
 */
final class SignerTime {

    private SignerTime() {
    }

    /** The instant, or null when {@code text} is not such a time. */
    static Instant parse(String text, ZoneId localZone) {
        String digits = text;
        ZoneId zone = localZone;
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.length() > 1 && upper.endsWith("Z")) {
            digits = text.substring(0, text.length() - 1);
            zone = ZoneOffset.UTC;
        } else if (upper.length() > 3 && upper.endsWith("UTC")) {
            digits = text.substring(0, text.length() - 3);
            zone = ZoneOffset.UTC;
        }
        if (!digits.matches("[0-9]{8}|[0-9]{12}|[0-9]{14}")) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(number(digits, 0, 4), number(digits, 4, 6), number(digits, 6, 8),
                    number(digits, 8, 10), number(digits, 10, 12), number(digits, 12, 14));
            return local.atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(String digits, int from, int to) {
        return to <= digits.length() ? Integer.parseInt(digits.substring(from, to)) : 0;
    }
}
