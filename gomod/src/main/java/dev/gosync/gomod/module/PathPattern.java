package dev.gosync.gomod.module;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GoUtf8;
import dev.gosync.gomod.GosyncException;

/**
 * Shell-style matching of slash-separated names, as Go's {@code path.Match}: {@code *} matches
 * any run of non-slash characters, {@code ?} one non-slash character, {@code [a-z]} and
 * {@code [^a-z]} one character from (or not from) the class, and {@code \} quotes the next
 * character. The whole name must match.
 *
 * <p>Matching works on the UTF-8 bytes of both strings, decoding characters where Go does, so
 * that results agree with Go for any input, including non-ASCII and invalid text.
 */
public final class PathPattern {
    private PathPattern() {
    }

    /** A pattern that is not well formed, such as {@code [a-} or a trailing {@code \}. */
    public static final class BadPatternException extends GosyncException {
        public BadPatternException(String pattern) {
            super("syntax error in pattern " + GoStrings.quote(pattern),
                    "close every [ class, give it at least one character, and do not end the pattern with \\");
        }
    }

    /**
     * Whether name matches pattern.
     *
     * @throws BadPatternException if the pattern is malformed, whether or not the name matches
     */
    public static boolean match(String pattern, String name) {
        return new Matcher(pattern).match(GoStrings.bytes(name));
    }

    /** One matching run; positions index the UTF-8 bytes of pattern and name. */
    private static final class Matcher {
        private final String source;
        private final byte[] p;
        private int chunkStart;
        private int chunkEnd;
        private boolean star;

        Matcher(String pattern) {
            source = pattern;
            p = GoStrings.bytes(pattern);
        }

        boolean match(byte[] name) {
            int pos = 0;
            int n = 0;
            nextChunk:
            while (pos < p.length) {
                pos = scanChunk(pos);
                if (star && chunkStart == chunkEnd) {
                    // A final star takes the rest of the name, unless that crosses a slash.
                    return indexOf(name, n, '/') < 0;
                }
                boolean lastChunk = pos == p.length;
                int rest = matchChunk(chunkStart, chunkEnd, name, n);
                if (rest >= 0 && (rest == name.length || !lastChunk)) {
                    n = rest;
                    continue;
                }
                if (star) {
                    for (int skip = n; skip < name.length && name[skip] != '/'; skip++) {
                        rest = matchChunk(chunkStart, chunkEnd, name, skip + 1);
                        if (rest >= 0 && (!lastChunk || rest == name.length)) {
                            n = rest;
                            continue nextChunk;
                        }
                    }
                }
                // No match; still report a malformed remainder of the pattern, as Go does.
                while (pos < p.length) {
                    pos = scanChunk(pos);
                    matchChunk(chunkStart, chunkEnd, name, name.length);
                }
                return false;
            }
            return n == name.length;
        }

        /** Reads stars and the following star-free chunk from pos; returns where the next chunk starts. */
        private int scanChunk(int pos) {
            star = false;
            while (pos < p.length && p[pos] == '*') {
                pos++;
                star = true;
            }
            chunkStart = pos;
            boolean inClass = false;
            for (int i = pos; i < p.length; i++) {
                switch (p[i]) {
                    case '\\' -> {
                        if (i + 1 < p.length) {
                            i++;
                        }
                    }
                    case '[' -> inClass = true;
                    case ']' -> inClass = false;
                    case '*' -> {
                        if (!inClass) {
                            chunkEnd = i;
                            return i;
                        }
                    }
                    default -> {
                    }
                }
            }
            chunkEnd = p.length;
            return p.length;
        }

        /**
         * Matches the chunk {@code p[c, end)} against the start of {@code name[s..]}: the index
         * after the match, or -1. The whole chunk is read even after a mismatch, to find syntax errors.
         */
        private int matchChunk(int c, int end, byte[] name, int s) {
            boolean failed = false;
            while (c < end) {
                failed = failed || s == name.length;
                switch (p[c]) {
                    case '[' -> {
                        int r = 0;
                        if (!failed) {
                            GoUtf8.Rune next = GoUtf8.decode(name, s, name.length);
                            r = next.value();
                            s += next.width();
                        }
                        c++;
                        boolean negated = c < end && p[c] == '^';
                        if (negated) {
                            c++;
                        }
                        boolean matched = false;
                        int ranges = 0;
                        while (true) {
                            if (c < end && p[c] == ']' && ranges > 0) {
                                c++;
                                break;
                            }
                            ClassChar lo = classChar(c, end);
                            ClassChar hi = lo;
                            if (p[lo.end] == '-') {
                                hi = classChar(lo.end + 1, end);
                            }
                            c = hi.end;
                            matched = matched || (lo.value <= r && r <= hi.value);
                            ranges++;
                        }
                        failed = failed || matched == negated;
                    }
                    case '?' -> {
                        if (!failed) {
                            failed = name[s] == '/';
                            s += GoUtf8.decode(name, s, name.length).width();
                        }
                        c++;
                    }
                    default -> {
                        if (p[c] == '\\') {
                            c++;
                            if (c == end) {
                                throw new BadPatternException(source);
                            }
                        }
                        if (!failed) {
                            failed = p[c] != name[s];
                            s++;
                        }
                        c++;
                    }
                }
            }
            return failed ? -1 : s;
        }

        /** Reads one possibly escaped class character at c; the class must go on after it. */
        private ClassChar classChar(int c, int end) {
            if (c == end || p[c] == '-' || p[c] == ']') {
                throw new BadPatternException(source);
            }
            if (p[c] == '\\') {
                c++;
                if (c == end) {
                    throw new BadPatternException(source);
                }
            }
            GoUtf8.Rune r = GoUtf8.decode(p, c, end);
            if (r.invalid() || c + r.width() == end) {
                throw new BadPatternException(source);
            }
            return new ClassChar(r.value(), c + r.width());
        }
    }

    /** A character of a class, and the pattern position just after it. */
    private record ClassChar(int value, int end) {
    }

    private static int indexOf(byte[] b, int from, char c) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
