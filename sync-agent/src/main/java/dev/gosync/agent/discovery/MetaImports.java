package dev.gosync.agent.discovery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code <meta name="go-import" content="prefix vcs repo [subdir]">} tags of an HTML page, read
 * as leniently as the go command reads them: tags and attribute names in any case, attribute
 * values quoted or not, character references decoded, reading stopped at {@code <body>} or
 * {@code </head>}. Only contents of three or four fields count.
 */
public final class MetaImports {
    /** One go-import tag. */
    public record MetaImport(String prefix, String vcs, String repoRoot, String subdir) {
    }

    private MetaImports() {
    }

    /**
     * The tags in the page; with {@code preferMod}, the {@code mod} entries first and the other
     * entries for the same prefix dropped (module mode), else without any {@code mod} entry.
     */
    public static List<MetaImport> parse(String html, boolean preferMod) {
        List<MetaImport> all = new ArrayList<>();
        int i = 0;
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (html.startsWith("<!--", lt)) {
                i = skipPast(html, lt + 4, "-->");
                continue;
            }
            if (html.startsWith("<![CDATA[", lt)) {
                i = skipPast(html, lt + 9, "]]>");
                continue;
            }
            if (html.startsWith("<!", lt) || html.startsWith("<?", lt)) {
                i = skipPast(html, lt + 2, ">");
                continue;
            }
            boolean end = html.startsWith("</", lt);
            int nameStart = lt + (end ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < html.length() && !isSpace(html.charAt(nameEnd)) && html.charAt(nameEnd) != '>'
                    && html.charAt(nameEnd) != '/') {
                nameEnd++;
            }
            String name = localName(html.substring(nameStart, nameEnd));
            if (end) {
                if (name.equals("head")) {
                    break;
                }
                i = skipPast(html, nameEnd, ">");
                continue;
            }
            if (name.equals("body")) {
                break;
            }
            List<String[]> attrs = new ArrayList<>();
            i = readAttributes(html, nameEnd, attrs);
            if (name.equals("meta") && "go-import".equals(attr(attrs, "name"))) {
                String content = attr(attrs, "content");
                String[] f = content == null ? new String[0] : content.strip().split("[ \\t\\n\\r\\f\\u000b]+");
                if (f.length == 3 || f.length == 4) {
                    all.add(new MetaImport(f[0], f[1], f[2], f.length == 4 ? f[3] : ""));
                }
            }
        }
        List<MetaImport> list = new ArrayList<>();
        Set<String> modPrefixes = new HashSet<>();
        if (preferMod) {
            for (MetaImport m : all) {
                if (m.vcs().equals(RepoRoot.MOD)) {
                    modPrefixes.add(m.prefix());
                    list.add(m);
                }
            }
        }
        for (MetaImport m : all) {
            if (!m.vcs().equals(RepoRoot.MOD) && !modPrefixes.contains(m.prefix())) {
                list.add(m);
            }
        }
        return list;
    }

    private static String localName(String qualified) {
        int colon = qualified.indexOf(':');
        return (colon < 0 ? qualified : qualified.substring(colon + 1)).toLowerCase(Locale.ROOT);
    }

    /** Reads attributes up to the end of the tag; returns the index after its {@code >}. */
    private static int readAttributes(String s, int i, List<String[]> attrs) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < s.length() && !isSpace(s.charAt(i)) && s.charAt(i) != '=' && s.charAt(i) != '>'
                    && s.charAt(i) != '/') {
                i++;
            }
            String name = localName(s.substring(nameStart, i));
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length() || s.charAt(i) != '=') {
                attrs.add(new String[] {name, name});
                continue;
            }
            i++;
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            String value;
            if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                char quote = s.charAt(i);
                int close = s.indexOf(quote, i + 1);
                int valueEnd = close < 0 ? s.length() : close;
                value = s.substring(i + 1, valueEnd);
                i = close < 0 ? s.length() : close + 1;
            } else {
                int valueStart = i;
                while (i < s.length() && !isSpace(s.charAt(i)) && s.charAt(i) != '>') {
                    i++;
                }
                value = s.substring(valueStart, i);
            }
            attrs.add(new String[] {name, decode(value)});
        }
        return i;
    }

    private static String attr(List<String[]> attrs, String name) {
        for (String[] a : attrs) {
            if (a[0].equals(name)) {
                return a[1];
            }
        }
        return null;
    }

    /** Decodes the XML entities and numeric character references; unknown ones stay as written. */
    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi < 0) {
                out.append(c);
                i++;
                continue;
            }
            String entity = s.substring(i + 1, semi);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> numeric(entity);
            };
            if (replacement == null) {
                out.append(c);
                i++;
            } else {
                out.append(replacement);
                i = semi + 1;
            }
        }
        return out.toString();
    }

    private static String numeric(String entity) {
        try {
            if (entity.startsWith("#x")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
            }
            if (entity.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static int skipPast(String s, int from, String end) {
        int at = s.indexOf(end, from);
        return at < 0 ? s.length() : at + end.length();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
