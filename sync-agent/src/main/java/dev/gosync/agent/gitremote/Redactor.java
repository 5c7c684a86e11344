package dev.gosync.agent.gitremote;

import java.util.regex.Pattern;

/**
 * Takes credentials out of text shown to the user: the password (or token) of every
 * {@code scheme://user:password@host} URL, and any secret passed in explicitly.
 */
final class Redactor {
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://)([^/@\\s:]*):[^/@\\s]*@");

    private Redactor() {
    }

    /** The password in a URL's user info, or null. */
    static String password(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@');
        int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        if (scheme < 0 || at < 0 || (slash >= 0 && at > slash)) {
            return null;
        }
        int colon = url.indexOf(':', scheme + 3);
        return colon < 0 || colon > at ? null : url.substring(colon + 1, at);
    }

    static String redact(String text, String... secrets) {
        String out = USER_INFO.matcher(text == null ? "" : text).replaceAll("$1$2:xxxxx@");
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, "xxxxx");
            }
        }
        return out;
    }
}
