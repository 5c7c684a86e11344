package dev.gosync.bundle.sign.sshkey;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the SSH wire encoding, the counterpart of {@link WireReader}. */
public final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public WireWriter uint32(long value) {
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
        return this;
    }

    public WireWriter string(byte[] value) {
        uint32(value.length);
        out.writeBytes(value);
        return this;
    }

    public WireWriter string(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8));
    }

    public WireWriter raw(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
