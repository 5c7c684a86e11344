package dev.gosync.agent.gitremote;

import dev.gosync.bundle.manifest.Redaction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes credentials out of text shown to the user or written to disk: the whole user info of
 * every {@code scheme://user:password@host} or {@code scheme://token@host} URL (the rule of
 * {@link Redaction}, which keeps them out of manifests), and any secret passed in explicitly.
 */
final class Redactor {
    private static final int SHORTEST_SECRET = 4;

    private Redactor() {
    }

    /**
     * The pieces of a URL's user info that could be a secret (the whole, the name, the password,
     * also percent-decoded), to redact wherever a message repeats them; empty without user info.
     */
    static List<String> secrets(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return List.of();
        }
        int end = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c, scheme + 3);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        int at = url.lastIndexOf('@', end - 1);
        if (at < scheme + 3) {
            return List.of();
        }
        String userInfo = url.substring(scheme + 3, at);
        List<String> secrets = new ArrayList<>();
        secrets.add(userInfo);
        int colon = userInfo.indexOf(':');
        if (colon >= 0) {
            secrets.add(userInfo.substring(0, colon));
            secrets.add(userInfo.substring(colon + 1));
        }
        for (String s : List.copyOf(secrets)) {
            try {
                secrets.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // Not validly percent-encoded: the raw form is redacted already.
            }
        }
        return secrets;
    }

    /** {@code url} (or any text) without the user info of its URLs: what may be stored or hashed. */
    static String withoutUserInfo(String url) {
        return Redaction.withoutUserInfo(url);
    }

    static String redact(String text, String... secrets) {
        return redact(text, List.of(secrets));
    }

    static String redact(String text, List<String> secrets) {
        String out = withoutUserInfo(text == null ? "" : text);
        for (String secret : secrets) {
            if (secret != null && secret.length() >= SHORTEST_SECRET) {
                out = out.replace(secret, "xxxxx");
            }
        }
        return out;
    }
}
