package dev.gosync.agent.proxy;

import dev.gosync.bundle.manifest.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The base URL of one module proxy, checked as the go command checks it: scheme {@code https},
 * {@code http} or {@code file}, where a {@code file} URL is {@code file://} and a path, nothing
 * else (no host, user, query or fragment; {@code file:/x} is refused too). Request URLs are
 * built by appending the escaped module path and file name with Go's path escaping, so
 * {@code !} goes out as {@code %21} while {@code +} and {@code ~} stay literal.
 *
 * <p>The text may hold credentials ({@code https://user:token@host}); {@link #toString()} and
 * every message show it redacted.
 */
public final class ProxyUrl {
    private static final String HEX = "0123456789ABCDEF";

    private final String text;
    private final URI uri;
    private final String scheme;

    private ProxyUrl(String text, URI uri, String scheme) {
        this.text = text;
        this.uri = uri;
        this.scheme = scheme;
    }

    /**
     * Checks a proxy URL, written in full (the GOPROXY list adds {@code https://} to bare host
     * names before this).
     *
     * @throws InvalidProxyListException when the go command would refuse the URL, or when it is
     *     not a valid URI (Java is stricter than Go here: unencoded spaces, for example, are refused)
     */
    public static ProxyUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // The exception's own message repeats the input, credentials and all.
            throw new InvalidProxyListException("invalid proxy URL " + Redaction.redact(text) + ": " + e.getReason()
                    + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (uri.isOpaque()) {
                    throw new InvalidProxyListException("invalid proxy URL " + Redaction.redact(text) + ": no //host");
                }
                try {
                    uri = uri.parseServerAuthority();
                } catch (URISyntaxException e) {
                    throw new InvalidProxyListException("invalid proxy URL " + Redaction.redact(text) + ": "
                            + e.getReason());
                }
                if (uri.getHost() == null) {
                    throw new InvalidProxyListException("invalid proxy URL " + Redaction.redact(text) + ": missing host");
                }
            }
            case "file" -> {
                // Go keeps "file:/x" apart from "file:///x" (it omits the host) and refuses it here.
                if (uri.isOpaque() || !uri.getRawSchemeSpecificPart().startsWith("//") || uri.getRawAuthority() != null
                        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    throw new InvalidProxyListException("invalid file:// proxy URL with non-path elements: "
                            + Redaction.redact(text));
                }
            }
            case "" -> throw new InvalidProxyListException("invalid proxy URL missing scheme: " + Redaction.redact(text));
            default -> throw new InvalidProxyListException(
                    "invalid proxy URL scheme (must be https, http, file): " + Redaction.redact(text));
        }
        return new ProxyUrl(text, uri, scheme);
    }

    /** {@code https}, {@code http} or {@code file}, in lower case. */
    public String scheme() {
        return scheme;
    }

    public boolean isFile() {
        return scheme.equals("file");
    }

    /** The raw user info ({@code user:password}, still percent-encoded), if the URL has any. */
    Optional<String> rawUserInfo() {
        return Optional.ofNullable(uri.getRawUserInfo());
    }

    /**
     * The URL of a file under the proxy, without user info: {@code relativePath} is a GOPROXY
     * layout path (module path and version already case-escaped) and gets Go's path escaping.
     */
    URI resolve(String relativePath) {
        StringBuilder s = new StringBuilder(scheme).append(':');
        s.append("//");
        if (!isFile()) {
            s.append(uri.getHost());
            if (uri.getPort() >= 0) {
                s.append(':').append(uri.getPort());
            }
        }
        String base = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        s.append(base).append('/').append(pathEscape(relativePath));
        if (uri.getRawQuery() != null) {
            s.append('?').append(uri.getRawQuery());
        }
        return URI.create(s.toString());
    }

    /** For a {@code file://} proxy, the file holding {@code relativePath}, found under the decoded base path. */
    Path filePath(String relativePath) {
        String base = uri.getPath();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return Path.of(base + "/" + relativePath);
    }

    /** The URL without credentials, query or fragment. */
    public String redacted() {
        return Redaction.redact(text);
    }

    /** Same as {@link #redacted()}: a proxy URL is never shown with its credentials. */
    @Override
    public String toString() {
        return redacted();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxyUrl other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * Go's {@code url.PathEscape} with {@code /} kept: every byte of the UTF-8 form except
     * letters, digits, {@code -_.~} and {@code $&+:=@} is percent-encoded in upper-case hex.
     */
    static String pathEscape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-_.~$&+:=@/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }
}
