package dev.gosync.gomod.store;

import dev.gosync.gomod.GoUtf8;
import java.util.ArrayList;
import java.util.List;

/**
 * A small strict JSON reader (RFC 8259, as Go's {@code encoding/json} accepts it) and the string
 * encoding Go's {@code json.Marshal} writes. It reads bytes, not characters, because Go does:
 * invalid UTF-8 inside a string becomes U+FFFD one byte at a time, and escaped lone surrogates
 * become U+FFFD, so decoded text never holds a lone surrogate. Every value remembers its byte span
 * in the input, so a caller can keep a part of a document as it was written.
 */
final class Json {
    /** Deeper nesting is refused; {@code .info} documents nest two levels, Go allows 10000. */
    static final int MAX_DEPTH = 64;

    private static final char REPLACEMENT = '\uFFFD';
    private static final String HEX = "0123456789abcdef";

    /** A parsed value and its byte span [start, end) in the input. */
    sealed interface Value permits Obj, Arr, Str, Literal {
        int start();

        int end();
    }

    /** An object; members keep their order, and a repeated key appears twice. */
    record Obj(List<Member> members, int start, int end) implements Value {
    }

    /** One {@code "key": value} pair; start is where its key begins. */
    record Member(String key, Value value, int start) {
    }

    record Arr(List<Value> elements, int start, int end) implements Value {
    }

    /**
     * A string, decoded.
     *
     * @param escaped whether its text held a backslash escape, so that the raw bytes between the
     *                quotes differ from the decoded text
     */
    record Str(String text, boolean escaped, int start, int end) implements Value {
    }

    /** A number, {@code true}, {@code false} or {@code null}, as written. */
    record Literal(String text, int start, int end) implements Value {
        boolean isNull() {
            return text.equals("null");
        }
    }

    private final byte[] in;
    private int pos;
    private int depth;

    private Json(byte[] in) {
        this.in = in;
    }

    /**
     * Parses one JSON value, optionally surrounded by white space.
     *
     * @throws MalformedJsonException if the input is not exactly one well-formed value
     */
    static Value parse(byte[] input) {
        Json reader = new Json(input);
        reader.skipSpace();
        Value value = reader.value();
        reader.skipSpace();
        if (reader.pos < input.length) {
            throw reader.error("unexpected " + reader.describe(reader.pos) + " after the top-level value");
        }
        return value;
    }

    /**
     * Appends s as Go's {@code json.Marshal} writes a string: {@code <}, {@code >}, {@code &},
     * U+2028 and U+2029 as {@code \}{@code u} escapes, control characters escaped, and each byte of
     * a lone surrogate's (invalid) UTF-8 form as U+FFFD.
     */
    static void appendGoString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"', '\\' -> out.append('\\').append((char) c);
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        out.append("\\u").append(HEX.charAt(c >> 12)).append(HEX.charAt((c >> 8) & 0xF))
                                .append(HEX.charAt((c >> 4) & 0xF)).append(HEX.charAt(c & 0xF));
                    } else if (Character.getType(c) == Character.SURROGATE) {
                        out.append("\\ufffd\\ufffd\\ufffd");
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Value value() {
        if (pos >= in.length) {
            throw error("unexpected end of input, expected a value");
        }
        return switch (in[pos]) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (in[pos] == '-' || isDigit(pos)) {
                    yield number();
                }
                throw error("unexpected " + describe(pos) + ", expected a value");
            }
        };
    }

    private Obj object() {
        int start = pos;
        enter();
        pos++;
        List<Member> members = new ArrayList<>();
        skipSpace();
        if (peek() != '}') {
            while (true) {
                int memberStart = pos;
                if (peek() != '"') {
                    throw error("unexpected " + describe(pos) + ", expected a string for an object key");
                }
                String key = string().text();
                skipSpace();
                expect(':', "after an object key");
                skipSpace();
                members.add(new Member(key, value(), memberStart));
                skipSpace();
                if (peek() != ',') {
                    break;
                }
                pos++;
                skipSpace();
            }
        }
        expect('}', "after an object member");
        depth--;
        return new Obj(List.copyOf(members), start, pos);
    }

    private Arr array() {
        int start = pos;
        enter();
        pos++;
        List<Value> elements = new ArrayList<>();
        skipSpace();
        if (peek() != ']') {
            while (true) {
                elements.add(value());
                skipSpace();
                if (peek() != ',') {
                    break;
                }
                pos++;
                skipSpace();
            }
        }
        expect(']', "after an array element");
        depth--;
        return new Arr(List.copyOf(elements), start, pos);
    }

    private Str string() {
        int start = pos;
        pos++;
        StringBuilder text = new StringBuilder();
        boolean escaped = false;
        while (true) {
            if (pos >= in.length) {
                throw error("unexpected end of input inside a string");
            }
            int b = in[pos] & 0xFF;
            if (b == '"') {
                pos++;
                return new Str(text.toString(), escaped, start, pos);
            } else if (b == '\\') {
                escaped = true;
                escape(text);
            } else if (b < 0x20) {
                throw error("control character " + describe(pos) + " inside a string");
            } else {
                GoUtf8.Rune rune = GoUtf8.decode(in, pos, in.length);
                pos += rune.width();
                text.appendCodePoint(rune.value());
            }
        }
    }

    /** Decodes the escape at pos, which holds the backslash. */
    private void escape(StringBuilder text) {
        if (pos + 1 >= in.length) {
            throw error("unexpected end of input inside a string escape");
        }
        byte kind = in[pos + 1];
        switch (kind) {
            case '"', '\\', '/' -> text.append((char) kind);
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case 'u' -> {
                int unit = hex4(pos + 2);
                if (unit < 0) {
                    throw error("invalid \\u escape: expected four hexadecimal digits");
                }
                pos += 6;
                if (Character.isSurrogate((char) unit)) {
                    // Only a high surrogate followed by an escaped low one makes a character.
                    int low = pos + 1 < in.length && in[pos] == '\\' && in[pos + 1] == 'u' ? hex4(pos + 2) : -1;
                    if (Character.isHighSurrogate((char) unit) && low >= 0 && Character.isLowSurrogate((char) low)) {
                        text.appendCodePoint(Character.toCodePoint((char) unit, (char) low));
                        pos += 6;
                    } else {
                        text.append(REPLACEMENT);
                    }
                } else {
                    text.append((char) unit);
                }
                return;
            }
            default -> throw error("invalid escape " + describe(pos + 1) + " inside a string");
        }
        pos += 2;
    }

    private int hex4(int at) {
        if (at + 4 > in.length) {
            return -1;
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int b = in[i];
            int digit = b >= '0' && b <= '9' ? b - '0'
                    : b >= 'a' && b <= 'f' ? b - 'a' + 10
                    : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private Literal number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits("in a number");
        }
        if (peek() == '.') {
            pos++;
            digits("after the decimal point");
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits("in the exponent");
        }
        return new Literal(GoUtf8.decodeAll(in, start, pos), start, pos);
    }

    private void digits(String where) {
        if (!isDigit(pos)) {
            throw error("unexpected " + describe(pos) + ", expected a digit " + where);
        }
        while (isDigit(pos)) {
            pos++;
        }
    }

    private Literal literal(String word) {
        int start = pos;
        for (int i = 0; i < word.length(); i++) {
            if (pos >= in.length || in[pos] != word.charAt(i)) {
                throw error("unexpected " + describe(pos) + " in literal " + word);
            }
            pos++;
        }
        return new Literal(word, start, pos);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c, String where) {
        if (peek() != c) {
            throw error("unexpected " + describe(pos) + ", expected '" + c + "' " + where);
        }
        pos++;
    }

    /** The byte at pos, or -1 at the end of the input. */
    private int peek() {
        return pos < in.length ? in[pos] & 0xFF : -1;
    }

    private boolean isDigit(int at) {
        return at < in.length && in[at] >= '0' && in[at] <= '9';
    }

    private void skipSpace() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }

    private String describe(int at) {
        if (at >= in.length) {
            return "end of input";
        }
        int b = in[at] & 0xFF;
        return b > 0x20 && b < 0x7F ? "character '" + (char) b + "'" : String.format("byte 0x%02x", b);
    }

    private MalformedJsonException error(String reason) {
        return new MalformedJsonException("invalid JSON at byte " + pos + ": " + reason);
    }
}
