package dev.gosync.agent.proxy;

import dev.gosync.gomod.GoFields;
import dev.gosync.gomod.GoUnicode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The explanation a proxy sends with an error status, shown to the user as the go command shows
 * it: only from a {@code text/plain} body in UTF-8 or ASCII, only if the text is valid UTF-8 made
 * of printable characters and white space (a server must not drive the user's terminal), cut at
 * the first blank line, at most 8 lines and about 650 bytes, continuation lines indented by a tab.
 */
final class ErrorDetail {
    private static final int MAX_LINES = 8;
    private static final int MAX_BYTES = MAX_LINES * 81;
    /** Enough for every line the go command could show; the rest of the body is not read. */
    private static final int READ_LIMIT = 8192;

    private ErrorDetail() {
    }

    /** The detail from a response body with the given Content-Type, or "" when there is none to show. */
    static String read(Optional<String> contentType, InputStream body) throws IOException {
        if (contentType.isEmpty() || !isPlainUtf8(contentType.get())) {
            return "";
        }
        byte[] prefix = body.readNBytes(READ_LIMIT);
        boolean cut = body.read() >= 0;
        return format(prefix, cut);
    }

    /**
     * Formats a body prefix; when the body went on ({@code cut}), a partial last line is dropped
     * so that a multi-byte character split by the cut cannot spoil the rest.
     */
    static String format(byte[] prefix, boolean cut) {
        int length = prefix.length;
        if (cut) {
            int lastNewline = lastIndexOf(prefix, (byte) '\n');
            if (lastNewline < 0) {
                return "[Truncated: too long.]";
            }
            length = lastNewline + 1;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(prefix, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return "";
        }
        // Go asks unicode.IsGraphic or IsSpace; graphic is printable plus the space separators
        // (Zs), which are all white space, so printable or space is the same test.
        if (!text.codePoints().allMatch(c -> GoUnicode.isPrint(c) || GoUnicode.isSpace(c))) {
            return "";
        }
        StringBuilder detail = new StringBuilder();
        int bytes = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (GoFields.trimSpace(line).isEmpty()) {
                break;
            }
            if (i > 0) {
                detail.append("\n\t");
                bytes += 2;
            }
            if (i >= MAX_LINES) {
                detail.append("[Truncated: too many lines.]");
                break;
            }
            int lineBytes = line.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + lineBytes > MAX_BYTES) {
                detail.append("[Truncated: too long.]");
                break;
            }
            detail.append(line);
            bytes += lineBytes;
        }
        return detail.toString();
    }

    private static boolean isPlainUtf8(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("text/plain")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String charset = param.substring(eq + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
                return charset.equals("utf-8") || charset.equals("us-ascii") || charset.isEmpty();
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] b, byte value) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
