package dev.gosync.gomod.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random {@code .info} documents for differential fuzzing: mostly well-formed, with every field
 * the go command reads in many spellings (key case, escapes, raw and invalid UTF-8, duplicates,
 * nulls, wrong types), times near and beyond the edges of Go's RFC 3339 reader, unknown fields
 * of any shape, and now and then a few damaged bytes.
 */
final class InfoDocuments {
    private static final String[] VERSIONS = {"v1.0.0", "v0.0.0-20200102030405-abcdefabcdef",
        "v1.2.4-0.20200102030405-abcdefabcdef", "v2.0.0+incompatible", "v1.0.0-RC1", "master", "<v&1>", "", "\u2028"};
    private static final String[] FRAGMENTS = {"git", "https://x/?a=1&b=<2>", "\u2028", "\u2029", "\u00e9", "\uD83D\uDE00",
        "\u0000", "\t", "\"", "\\", "/", "\u007f", "\uFFFD", "abc", "refs/tags/v1.0.0", " "};
    private static final String[] ORIGIN_KEYS = {"VCS", "URL", "Subdir", "Hash", "TagPrefix", "TagSum", "Ref", "RepoSum"};
    private static final String[][] TIME_PARTS = {
        {"2020", "2020", "2020", "0000", "9999", "020", "20201", "abcd"},
        {"-"}, {"01", "01", "02", "12", "13", "00", "1"}, {"-"}, {"02", "02", "29", "30", "31", "00", "3"},
        {"T", "T", "T", "t", " "}, {"03", "03", "3", "23", "24", "00"}, {":"}, {"04", "04", "59", "60", "4"}, {":"},
        {"05", "05", "59", "60", "5"}};
    private static final String[] ZONES = {"Z", "Z", "Z", "z", "+05:30", "-00:00", "+00:00", "+23:59", "-23:59",
        "+24:00", "+01:60", "-24:60", "+25:00", "+0530", "", "+05:30:00", "Z ", "+5:30"};
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};

    private final Random random;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private InfoDocuments(Random random) {
        this.random = random;
    }

    static byte[] next(Random random) {
        InfoDocuments doc = new InfoDocuments(random);
        doc.document();
        byte[] bytes = doc.out.toByteArray();
        return random.nextInt(8) == 0 ? damage(bytes, random) : bytes;
    }

    private void document() {
        List<Runnable> members = new ArrayList<>();
        if (random.nextInt(20) != 0) {
            members.add(() -> member("Version", this::versionValue));
        }
        if (random.nextInt(6) != 0) {
            members.add(() -> member("Time", this::timeValue));
        }
        if (random.nextInt(3) != 0) {
            members.add(() -> member("Origin", this::originValue));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            members.add(() -> member(pick("Name", "Short", "Extra", "Versions", "Origin2", "Tim"), () -> anyValue(3)));
        }
        for (int i = random.nextInt(3); i > 0 && !members.isEmpty(); i--) {
            members.add(members.get(random.nextInt(members.size())));
        }
        Collections.shuffle(members, random);
        if (random.nextInt(40) == 0) {
            anyValue(2);
            return;
        }
        object(members);
    }

    private void object(List<Runnable> members) {
        write("{");
        for (int i = 0; i < members.size(); i++) {
            space();
            if (i > 0) {
                write(",");
                space();
            }
            members.get(i).run();
        }
        space();
        write("}");
    }

    private void member(String key, Runnable value) {
        string(spellKey(key));
        space();
        write(":");
        space();
        value.run();
    }

    private String spellKey(String key) {
        return switch (random.nextInt(8)) {
            case 0 -> key.toLowerCase();
            case 1 -> key.toUpperCase();
            case 2 -> key.replace('s', '\u017F');
            default -> key;
        };
    }

    private void versionValue() {
        switch (random.nextInt(20)) {
            case 0 -> write("null");
            case 1 -> write("1");
            case 2 -> write("[\"v1.0.0\"]");
            default -> string(pick(VERSIONS));
        }
    }

    private void timeValue() {
        switch (random.nextInt(20)) {
            case 0 -> write("null");
            case 1 -> write("20200102");
            case 2 -> write("{}");
            default -> {
                StringBuilder time = new StringBuilder();
                int perturbed = random.nextInt(2) == 0 ? random.nextInt(TIME_PARTS.length) : -1;
                for (int i = 0; i < TIME_PARTS.length; i++) {
                    time.append(i == perturbed ? pick(TIME_PARTS[i]) : TIME_PARTS[i][0]);
                }
                if (random.nextInt(3) == 0) {
                    time.append(random.nextBoolean() ? '.' : pick(",", ".", ".x"));
                    for (int i = random.nextInt(13); i > 0; i--) {
                        time.append((char) ('0' + random.nextInt(10)));
                    }
                }
                time.append(random.nextInt(3) == 0 ? pick(ZONES) : "Z");
                string(time.toString(), 500);
            }
        }
    }

    private void originValue() {
        switch (random.nextInt(12)) {
            case 0 -> write("null");
            case 1 -> write("\"git\"");
            case 2 -> write("[]");
            default -> {
                List<Runnable> members = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    String key = random.nextInt(8) == 0 ? pick("Other", "Tag", "Url2") : pick(ORIGIN_KEYS);
                    members.add(() -> member(key, () -> {
                        int kind = random.nextInt(25);
                        if (kind == 0) {
                            write("null");
                        } else if (kind == 1) {
                            anyValue(2);
                        } else {
                            string(text());
                        }
                    }));
                }
                object(members);
            }
        }
    }

    private void anyValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        switch (kind) {
            case 0 -> write("null");
            case 1 -> write(pick("true", "false"));
            case 2 -> write(pick("0", "-1", "1.5e10", "-0.0E-2", "123456789012345678901234567890"));
            case 3, 4, 5 -> string(text());
            case 6 -> {
                write("[");
                for (int i = random.nextInt(3); i > 0; i--) {
                    anyValue(depth - 1);
                    write(i > 1 ? "," : "");
                }
                write("]");
            }
            default -> {
                List<Runnable> members = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    members.add(() -> member(text(), () -> anyValue(depth - 1)));
                }
                object(members);
            }
        }
    }

    private String text() {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            s.append(pick(FRAGMENTS));
        }
        return s.toString();
    }

    /**
     * Writes s as a JSON string, spelling each character raw or escaped at random, sometimes with
     * invalid UTF-8 or a lone surrogate escape.
     */
    private void string(String s) {
        string(s, 6);
    }

    private void string(String s, int escapeOneIn) {
        write("\"");
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '"' || c == '\\' || c < 0x20 || random.nextInt(escapeOneIn) == 0) {
                escape(c);
            } else {
                write(new String(Character.toChars(c)));
            }
        }
        if (random.nextInt(50) == 0) {
            out.writeBytes(INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
        }
        if (random.nextInt(50) == 0) {
            write(pick("\\ud800", "\\udc00", "\\ud83d\\u0041"));
        }
        write("\"");
    }

    private void escape(int c) {
        String shortForm = switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '/' -> "\\/";
            default -> null;
        };
        if (shortForm != null && random.nextBoolean()) {
            write(shortForm);
            return;
        }
        for (char unit : Character.toChars(c)) {
            String hex = String.format("\\u%04x", (int) unit);
            write(random.nextBoolean() ? hex : hex.toUpperCase().replace("\\U", "\\u"));
        }
    }

    private void space() {
        if (random.nextInt(4) == 0) {
            write(pick(" ", "\n", "\t", "\r\n  "));
        }
    }

    private void write(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static byte[] damage(byte[] bytes, Random random) {
        byte[] result = bytes.clone();
        byte[] interesting = {'{', '}', '[', ']', '"', ',', ':', '\\', ' ', 'u', '0', (byte) 0xC3, (byte) 0xFF};
        for (int n = 1 + random.nextInt(3); n > 0 && result.length > 0; n--) {
            int at = random.nextInt(result.length);
            switch (random.nextInt(3)) {
                case 0 -> result[at] = interesting[random.nextInt(interesting.length)];
                case 1 -> {
                    byte[] shorter = new byte[result.length - 1];
                    System.arraycopy(result, 0, shorter, 0, at);
                    System.arraycopy(result, at + 1, shorter, at, result.length - at - 1);
                    result = shorter;
                }
                default -> {
                    byte[] longer = new byte[result.length + 1];
                    System.arraycopy(result, 0, longer, 0, at);
                    longer[at] = interesting[random.nextInt(interesting.length)];
                    System.arraycopy(result, at, longer, at + 1, result.length - at);
                    result = longer;
                }
            }
        }
        return result;
    }
}
