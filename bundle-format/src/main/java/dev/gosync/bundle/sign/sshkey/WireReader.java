package dev.gosync.bundle.sign.sshkey;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the SSH wire encoding (RFC 4251 section 5): big-endian {@code uint32}, and
 * {@code string} as a {@code uint32} length followed by that many bytes. Every length is
 * checked against the bytes that remain, so hostile input fails cleanly.
 */
public final class WireReader {
    private final byte[] data;
    private final String what;
    private int position;

    /** @param what names the data in error messages, e.g. {@code "SSH signature"} */
    public WireReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    public long uint32() {
        byte[] b = raw(4);
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }

    public byte[] string() {
        long length = uint32();
        if (length > remaining()) {
            throw new MalformedWireException(what + ": a field of " + length + " bytes is announced but only "
                    + remaining() + " bytes remain");
        }
        return raw((int) length);
    }

    /** A string that must be valid UTF-8. */
    public String text() {
        byte[] bytes = string();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedWireException(what + ": a text field is not valid UTF-8");
        }
    }

    public byte[] raw(int length) {
        if (length > remaining()) {
            throw new MalformedWireException(what + ": ends after " + data.length + " bytes, in the middle of a field");
        }
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    public int remaining() {
        return data.length - position;
    }

    /** Fails unless every byte has been read. */
    public void end() {
        if (remaining() != 0) {
            throw new MalformedWireException(what + ": " + remaining() + " unexpected bytes after the last field");
        }
    }
}
