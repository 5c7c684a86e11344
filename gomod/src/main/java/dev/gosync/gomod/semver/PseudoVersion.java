package dev.gosync.gomod.semver;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Pseudo-versions: the versions Go invents for untagged commits. Three shapes, each optionally
 * followed by build metadata such as {@code +incompatible}:
 * <ol>
 *   <li>{@code vX.0.0-yyyymmddhhmmss-rev} — no tag below the commit;</li>
 *   <li>{@code vX.Y.(Z+1)-0.yyyymmddhhmmss-rev} — the nearest tag below is {@code vX.Y.Z};</li>
 *   <li>{@code vX.Y.Z-pre.0.yyyymmddhhmmss-rev} — the nearest tag below is {@code vX.Y.Z-pre}.</li>
 * </ol>
 * The time stamp is the commit time in UTC, the revision normally the first 12 hex digits of the
 * commit hash.
 */
public final class PseudoVersion {
    private static final Pattern SHAPE = Pattern.compile(
            "v[0-9]+\\.(0\\.0-|[0-9]+\\.[0-9]+-([^+]*\\.)?0\\.)[0-9]{14}-[A-Za-z0-9]+(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
    private static final String ZERO_SEGMENT = "00010101000000-000000000000";

    private PseudoVersion() {
    }

    /** The parts of a syntactically valid pseudo-version; {@code base} still carries the {@code -0} or {@code .0}. */
    private record Parts(String base, String timestamp, String revision, String build) {
    }

    /** Whether v has one of the three pseudo-version shapes (the time stamp is not checked here). */
    public static boolean isPseudoVersion(String v) {
        return v.chars().filter(c -> c == '-').count() >= 2 && Semver.isValid(v) && SHAPE.matcher(v).matches();
    }

    /** Whether v is {@code vX.0.0-00010101000000-000000000000}, the placeholder for an unknown commit. */
    public static boolean isZeroPseudoVersion(String v) {
        return v.equals(zero(Semver.major(v)));
    }

    /** The placeholder pseudo-version of a major version ("" meaning v0): zero time and revision. */
    public static String zero(String major) {
        return (major.isEmpty() ? "v0" : major) + ".0.0-" + ZERO_SEGMENT;
    }

    /**
     * Builds a pseudo-version. {@code major} ("" for v0) is used only when there is no usable
     * {@code older} tag ("" or not a valid version); {@code older}'s build metadata is carried over.
     * The revision is used as given: callers shorten commit hashes to 12 hex digits.
     */
    public static String build(String major, String older, Instant commitTime, String revision) {
        String segment = timestamp(commitTime) + "-" + revision;
        String build = Semver.build(older);
        String base = Semver.canonical(older);
        if (base.isEmpty()) {
            return (major.isEmpty() ? "v0" : major) + ".0.0-" + segment;
        }
        if (!Semver.prerelease(base).isEmpty()) {
            return base + ".0." + segment + build;
        }
        int patchStart = base.lastIndexOf('.') + 1;
        return base.substring(0, patchStart) + increment(base.substring(patchStart)) + "-0." + segment + build;
    }

    /**
     * The tag the pseudo-version builds on, in canonical form with the build metadata kept
     * ({@code v1.2.4-0.…+incompatible} → {@code v1.2.3+incompatible}), or "" for the first shape.
     *
     * @throws InvalidVersionException if v is not a pseudo-version, or names an impossible base
     *     (first shape with build metadata, or a patch below zero)
     */
    public static String base(String v) {
        Parts p = parse(v);
        String pre = Semver.prerelease(p.base);
        if (pre.isEmpty()) {
            if (!p.build.isEmpty()) {
                throw new InvalidVersionException(v, true,
                        "lacks base version, but has build metadata \"" + p.build + "\"");
            }
            return "";
        }
        if (pre.equals("-0")) {
            String release = p.base.substring(0, p.base.length() - pre.length());
            int patchStart = release.lastIndexOf('.') + 1;
            String patch = release.substring(patchStart);
            if (isZero(patch)) {
                throw new InvalidVersionException(v, true,
                        "version before " + release + " would have negative patch number");
            }
            return release.substring(0, patchStart) + decrement(patch) + p.build;
        }
        return p.base.substring(0, p.base.length() - ".0".length()) + p.build;
    }

    /**
     * The commit time recorded in the pseudo-version.
     *
     * @throws InvalidVersionException if v is not a pseudo-version or its time stamp is no real time
     */
    public static Instant time(String v) {
        String ts = parse(v).timestamp;
        try {
            return LocalDateTime.of(
                    Integer.parseInt(ts.substring(0, 4)), Integer.parseInt(ts.substring(4, 6)),
                    Integer.parseInt(ts.substring(6, 8)), Integer.parseInt(ts.substring(8, 10)),
                    Integer.parseInt(ts.substring(10, 12)), Integer.parseInt(ts.substring(12, 14)))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new InvalidVersionException(v, true, "malformed time \"" + ts + "\"");
        }
    }

    /**
     * The revision recorded in the pseudo-version.
     *
     * @throws InvalidVersionException if v is not a pseudo-version
     */
    public static String revision(String v) {
        return parse(v).revision;
    }

    private static Parts parse(String v) {
        if (!isPseudoVersion(v)) {
            throw new InvalidVersionException(v, true, "syntax error");
        }
        String build = Semver.build(v);
        String rest = v.substring(0, v.length() - build.length());
        int revDash = rest.lastIndexOf('-');
        String revision = rest.substring(revDash + 1);
        rest = rest.substring(0, revDash);
        // The time stamp follows the last "." in shapes 2 and 3, the last "-" in shape 1.
        int dash = rest.lastIndexOf('-');
        int dot = rest.lastIndexOf('.');
        int cut = dot > dash ? dot : dash;
        return new Parts(rest.substring(0, cut), rest.substring(cut + 1), revision, build);
    }

    /** Go's time layout 20060102150405 in UTC; years beyond four digits print in full, as Go does. */
    private static String timestamp(Instant t) {
        LocalDateTime u = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        int year = u.getYear();
        String y = (year < 0 ? "-" : "") + pad(Math.abs(year), 4);
        return y + pad(u.getMonthValue(), 2) + pad(u.getDayOfMonth(), 2) + pad(u.getHour(), 2)
                + pad(u.getMinute(), 2) + pad(u.getSecond(), 2);
    }

    private static String pad(int n, int width) {
        StringBuilder s = new StringBuilder(Integer.toString(n));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }

    /** Adds one to an unbounded decimal string. */
    private static String increment(String decimal) {
        char[] d = decimal.toCharArray();
        int i = d.length - 1;
        while (i >= 0 && d[i] == '9') {
            d[i--] = '0';
        }
        if (i < 0) {
            return "1" + new String(d);
        }
        d[i]++;
        return new String(d);
    }

    /** Subtracts one from an unbounded decimal string that is not zero, dropping a leading zero it creates. */
    private static String decrement(String decimal) {
        char[] d = decimal.toCharArray();
        int i = d.length - 1;
        while (d[i] == '0') {
            d[i--] = '9';
        }
        d[i]--;
        String s = new String(d);
        return i == 0 && d[0] == '0' && d.length > 1 ? s.substring(1) : s;
    }

    private static boolean isZero(String decimal) {
        return decimal.chars().allMatch(c -> c == '0');
    }
}
