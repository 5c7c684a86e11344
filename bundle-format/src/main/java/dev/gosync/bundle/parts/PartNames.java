package dev.gosync.bundle.parts;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** File names of split bundles, see the package comment. */
public final class PartNames {
    /** The most parts a bundle can have (four-digit part numbers). */
    public static final int MAX_PARTS = 9999;
    private static final String PART = ".part-";
    private static final String INDEX = ".parts.json";
    private static final Pattern PART_NAME = Pattern.compile("(.+)\\.part-([0-9]{4})");

    private PartNames() {
    }

    /** Part {@code number} (from 1) of the bundle {@code base}. */
    public static Path part(Path base, int number) {
        return base.resolveSibling(base.getFileName() + PART + String.format("%04d", number));
    }

    public static Path index(Path base) {
        return base.resolveSibling(base.getFileName() + INDEX);
    }

    /** The base of an index file name, or null when {@code file} is not named like one. */
    static Path baseOfIndex(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(INDEX) && name.length() > INDEX.length()
                ? file.resolveSibling(name.substring(0, name.length() - INDEX.length()))
                : null;
    }

    /** The part number in a part file name, or 0 when {@code file} is not named like a part. */
    static int partNumber(Path file) {
        Matcher m = PART_NAME.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    /** The base of a part file name; only valid when {@link #partNumber} is positive. */
    static Path baseOfPart(Path file) {
        Matcher m = PART_NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is not a part file name");
        }
        return file.resolveSibling(m.group(1));
    }
}
