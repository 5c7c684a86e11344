package dev.gosync.serve.http;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ProxyLayout;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What a request target names, decided before anything touches the disk. The target is
 * percent-decoded exactly once, strictly (a bad escape, invalid or overlong UTF-8, a control
 * character or a backslash makes it a bad request), and what remains must be a path that
 * {@link ProxyLayout#parse} accepts: a valid module path and, for per-version files, a canonical
 * version. Such a path has no {@code .} or {@code ..} element, no empty element and no element
 * starting with a dot, so joined to the mirror it stays inside the mirror and outside the
 * mirror's private {@code .gosync} directory.
 */
sealed interface RequestTarget {
    /** {@code /healthz}. */
    record Health() implements RequestTarget {
    }

    /** {@code /metrics}. */
    record Metrics() implements RequestTarget {
    }

    /**
     * A file of the GOPROXY protocol.
     *
     * @param relative the decoded path, which is exactly {@code layout.relativePath()}
     */
    record Module(LayoutPath layout, String relative) implements RequestTarget {
    }

    /** Not a proxy path; the go command treats 404 as "no such module or version". */
    record NotFound(String reason) implements RequestTarget {
    }

    /** A target no client of a module proxy sends: broken encoding or an attempt to leave the path syntax. */
    record Malformed(String reason) implements RequestTarget {
    }

    /** Classifies the raw request target of a request line. */
    static RequestTarget parse(String raw) {
        return parse(raw, null, PathPrefix.ROOT);
    }

    /** Classifies a request target for a server at the root, remembering accepted layout paths in known. */
    static RequestTarget parse(String raw, ValidPaths known) {
        return parse(raw, known, PathPrefix.ROOT);
    }

    /**
     * Classifies the raw request target of a request line, remembering accepted layout paths in
     * known (when not null): validating a module path is far dearer than a map lookup, and a
     * mirror's clients ask for the same paths again and again. Proxy paths must lie under prefix;
     * {@code /healthz} and {@code /metrics} stay at the root whatever the prefix, where probes
     * and scrapers reach the server itself rather than through the reverse proxy.
     */
    static RequestTarget parse(String raw, ValidPaths known, PathPrefix prefix) {
        String path = raw;
        int scheme = path.indexOf("://");
        if (scheme > 0 && path.startsWith("http")) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        if (!path.startsWith("/")) {
            return new Malformed("the request target is not an absolute path");
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int fragment = path.indexOf('#');
        if (fragment >= 0) {
            path = path.substring(0, fragment);
        }
        String decoded;
        try {
            decoded = needsDecoding(path) ? percentDecode(path) : path;
        } catch (IllegalArgumentException e) {
            return new Malformed(e.getMessage());
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return new Malformed("control character in the path");
            }
            if (c == '\\') {
                return new Malformed("backslash in the path");
            }
        }
        String fromRoot = decoded.substring(1);
        if (fromRoot.equals("healthz")) {
            return new Health();
        }
        if (fromRoot.equals("metrics")) {
            return new Metrics();
        }
        if (hasDotSegment(fromRoot)) {
            return new Malformed("dot segment in the path");
        }
        String relative = prefix.strip(decoded);
        if (relative == null) {
            return new NotFound("outside the path prefix " + prefix);
        }
        if (known != null) {
            Module seen = known.get(relative);
            if (seen != null) {
                return seen;
            }
        }
        try {
            Module module = new Module(ProxyLayout.parse(relative), relative);
            if (known != null) {
                known.put(module);
            }
            return module;
        } catch (ProxyLayout.InvalidLayoutPathException e) {
            return new NotFound(e.getMessage());
        }
    }

    private static boolean hasDotSegment(String path) {
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            int len = end - start;
            if ((len == 1 || len == 2) && path.charAt(start) == '.' && (len == 1 || path.charAt(start + 1) == '.')) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean needsDecoding(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' || c >= 0x80) {
                return true;
            }
        }
        return false;
    }

    /** Decodes %XX escapes once; the bytes must be valid UTF-8 in its shortest form. */
    private static String percentDecode(String path) {
        byte[] out = new byte[path.length()];
        int n = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length()) {
                    throw new IllegalArgumentException("truncated percent escape");
                }
                int hi = Character.digit(path.charAt(i + 1), 16);
                int lo = Character.digit(path.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent escape");
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c >= 0x80) {
                throw new IllegalArgumentException("raw non-ASCII character in the request target");
            } else {
                out[n++] = (byte) c;
            }
        }
        try {
            // The JDK decoder refuses overlong forms and encoded surrogates, as RFC 3629 requires.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the path is not valid UTF-8");
        }
    }
}
