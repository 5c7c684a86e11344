package dev.gosync.agent.proxy;

import dev.gosync.gomod.GoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A GOPROXY value parsed as the go command parses it.
 *
 * <ul>
 *   <li>Entries are separated by {@code ,} or {@code |}; the separator after an entry says when a
 *       request moves on to the next one: after {@code ,} only when the module or file was not
 *       found, after {@code |} on any error.
 *   <li>Blank entries are skipped and white space around entries is ignored.
 *   <li>{@code off} and {@code direct} end the list: anything after them is ignored, unchecked.
 *   <li>An entry containing {@code .}, {@code :} or {@code /} but no {@code :/}, and not an
 *       absolute path, is a host name and gets {@code https://} in front; other entries must be
 *       complete URLs ({@link ProxyUrl}). A bare absolute path is refused (write {@code file:///…}).
 *   <li>A value with no entries at all ({@code ","}) is refused.
 * </ul>
 *
 * @param entries the entries in order; only the last one can be {@link Direct} or {@link Off}
 */
public record ProxyList(List<Entry> entries) {
    /** One element of the list. */
    public sealed interface Entry permits Proxy, Direct, Off {
    }

    /**
     * A module proxy.
     *
     * @param url             its base URL
     * @param fallBackOnError whether it was followed by {@code |}: the next entry is tried after any error
     */
    public record Proxy(ProxyUrl url, boolean fallBackOnError) implements Entry {
        public Proxy {
            Objects.requireNonNull(url, "url");
        }
    }

    /** {@code direct}: fetch from version control. */
    public record Direct() implements Entry {
    }

    /** {@code off}: every lookup fails as not found. */
    public record Off() implements Entry {
    }

    public ProxyList {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a proxy list has at least one entry");
        }
    }

    /**
     * Parses a GOPROXY value.
     *
     * @throws InvalidProxyListException when the value has no entries or an entry is not a valid proxy URL
     */
    public static ProxyList parse(String goproxy) {
        if (goproxy.isEmpty()) {
            throw new InvalidProxyListException("GOPROXY is empty");
        }
        List<Entry> entries = new ArrayList<>();
        String rest = goproxy;
        while (!rest.isEmpty()) {
            int sep = indexOfSeparator(rest);
            String item = sep < 0 ? rest : rest.substring(0, sep);
            boolean fallBackOnError = sep >= 0 && rest.charAt(sep) == '|';
            rest = sep < 0 ? "" : rest.substring(sep + 1);
            item = GoFields.trimSpace(item);
            if (item.isEmpty()) {
                continue;
            }
            if (item.equals("off")) {
                entries.add(new Off());
                break;
            }
            if (item.equals("direct")) {
                entries.add(new Direct());
                break;
            }
            if (needsScheme(item)) {
                item = "https://" + item;
            }
            entries.add(new Proxy(ProxyUrl.parse(item), fallBackOnError));
        }
        if (entries.isEmpty()) {
            throw new InvalidProxyListException("GOPROXY list is not the empty string, but contains no entries");
        }
        return new ProxyList(entries);
    }

    /** The list written back in GOPROXY form, with credentials redacted. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Entry e : entries) {
            if (e instanceof Proxy p) {
                s.append(p.url().redacted()).append(p.fallBackOnError() ? '|' : ',');
            } else {
                s.append(e instanceof Direct ? "direct" : "off");
            }
        }
        int last = s.length() - 1;
        if (s.charAt(last) == ',' || s.charAt(last) == '|') {
            s.setLength(last);
        }
        return s.toString();
    }

    private static int indexOfSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',' || s.charAt(i) == '|') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Single words are reserved for built-in modes, and anything with {@code :/} or an absolute
     * path must be a complete URL; everything else is taken for a host name.
     */
    private static boolean needsScheme(String item) {
        boolean hostLike = item.indexOf('.') >= 0 || item.indexOf(':') >= 0 || item.indexOf('/') >= 0;
        return hostLike && !item.contains(":/") && !item.startsWith("/");
    }
}
