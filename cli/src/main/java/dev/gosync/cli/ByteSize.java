package dev.gosync.cli;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Byte counts on the command line ({@code --split 4GiB}) and in output ({@code 12.3 MiB}). */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,19})\\s*([A-Za-z]*)");
    private static final Map<String, Long> UNITS = Map.of(
            "", 1L, "b", 1L,
            "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L, "tb", 1_000_000_000_000L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30, "tib", 1L << 40);
    private static final String[] SHOWN = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteSize() {
    }

    /**
     * A whole number of bytes with an optional unit: {@code B}, decimal {@code KB MB GB TB} or
     * binary {@code KiB MiB GiB TiB}, in any case.
     *
     * @throws IllegalArgumentException if the text is not such a size, or is 0 or too large
     */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        Long unit = m.matches() ? UNITS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
        if (unit == null) {
            throw new IllegalArgumentException("invalid size \"" + text + "\": write a number of bytes, optionally with "
                    + "a unit such as KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024), e.g. 4GiB");
        }
        try {
            long size = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
            if (size <= 0) {
                throw new IllegalArgumentException("invalid size \"" + text + "\": it must be more than 0 bytes");
            }
            return size;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("invalid size \"" + text + "\": too large", e);
        }
    }

    /** A size for people: bytes below 1 KiB, otherwise one decimal and a binary unit. */
    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < SHOWN.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, SHOWN[unit]);
    }

    /** Reads {@code --split} values. */
    static final class Converter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
