package dev.gosync.gomod.modfile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random damage to a go.mod or go.work file, for fuzzing: tokens the grammar cares about
 * inserted anywhere, bytes and lines deleted, duplicated, swapped or replaced. Positions are
 * byte offsets, so multi-byte characters get split too.
 */
final class Mutator {
    /** Tokens the grammar cares about, and bytes that test the lexer's character classes. */
    static final List<byte[]> TOKENS = new ArrayList<>();

    static {
        for (String t : List.of("module", "go", "toolchain", "godebug", "require", "exclude", "replace", "retract",
                "tool", "ignore", "use", "(", ")", "[", "]", "{", "}", ",", "=>", "//", "// indirect", "//indirect",
                "// indirect; why", "/*", "\"", "`", "\\", "\n", "\r\n", "\r", "\t", " ", "  ", "v1.2.3", "v1.2", "v1",
                "v2.0.0+incompatible", "v1.0.0-pre", "v1.2.3+meta", "1.21", "1.21.0", "1.20", "1.21rc1", "v1.17x",
                "1.17beta", "go1.22", "default", "example.com/a", "example.com/a/v2", "example.com/a/v1",
                "gopkg.in/x.v1", "./dir", "../dir", "/abs", "C:\\x", ".\\w", "\"quoted\"", "\"v1.0.0\"",
                "\"with space\"", "\"\\t\\u00e9\\xff\"", "\"\\q\"", "`raw`", "k=v", "a=b,c", "// Deprecated: gone",
                "\n\n", "é", "\u00a0", "\u2028", "\u200b", "\ufeff", "\u0085", "\ud83d\ude00", "x@v1.0.0")) {
            TOKENS.add(t.getBytes(StandardCharsets.UTF_8));
        }
        TOKENS.add(new byte[] {(byte) 0xff});
        TOKENS.add(new byte[] {(byte) 0xc3});
        TOKENS.add(new byte[] {(byte) 0x85});
        TOKENS.add(new byte[] {0});
    }

    private Mutator() {
    }

    /** The input after {@code count} random mutations. */
    static byte[] mutate(byte[] input, Random random, int count) {
        byte[] out = input;
        for (int i = 0; i < count; i++) {
            out = mutateOnce(out, random);
        }
        return out;
    }

    private static byte[] mutateOnce(byte[] in, Random random) {
        int at = random.nextInt(in.length + 1);
        switch (random.nextInt(7)) {
            case 0 -> {
                return splice(in, at, at, TOKENS.get(random.nextInt(TOKENS.size())));
            }
            case 1 -> {
                int end = Math.min(in.length, at + 1 + random.nextInt(10));
                return splice(in, at, end, new byte[0]);
            }
            case 2 -> {
                int[] line = lineAround(in, at);
                return splice(in, line[0], line[0], Arrays.copyOfRange(in, line[0], line[1]));
            }
            case 3 -> {
                int[] line = lineAround(in, at);
                return splice(in, line[0], line[1], new byte[0]);
            }
            case 4 -> {
                int[] a = lineAround(in, at);
                int[] b = lineAround(in, random.nextInt(in.length + 1));
                if (a[0] == b[0]) {
                    return in;
                }
                int[] first = a[0] < b[0] ? a : b;
                int[] second = a[0] < b[0] ? b : a;
                if (second[0] < first[1]) {
                    return in;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(in, 0, first[0]);
                out.write(in, second[0], second[1] - second[0]);
                out.write(in, first[1], second[0] - first[1]);
                out.write(in, first[0], first[1] - first[0]);
                out.write(in, second[1], in.length - second[1]);
                return out.toByteArray();
            }
            case 5 -> {
                if (in.length == 0) {
                    return in;
                }
                byte[] copy = in.clone();
                copy[Math.min(at, in.length - 1)] = (byte) random.nextInt(256);
                return copy;
            }
            default -> {
                return splice(in, at, at, new byte[] {(byte) random.nextInt(256)});
            }
        }
    }

    /** The line holding offset at, newline included: {start, end}. */
    private static int[] lineAround(byte[] in, int at) {
        int start = Math.min(at, in.length);
        while (start > 0 && in[start - 1] != '\n') {
            start--;
        }
        int end = Math.min(at, in.length);
        while (end < in.length && in[end] != '\n') {
            end++;
        }
        return new int[] {start, Math.min(in.length, end + 1)};
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
        out.write(in, 0, from);
        out.writeBytes(insert);
        out.write(in, to, in.length - to);
        return out.toByteArray();
    }
}
