package dev.gosync.gomod.zip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes zips byte by byte, so tests can make what {@link java.util.zip.ZipOutputStream} refuses
 * to: duplicate names, directory entries anywhere, declared sizes that differ from the content.
 * Entries are stored uncompressed.
 */
public final class RawZip {
    /**
     * One entry; declaredSize is what the headers claim as uncompressed size (at most 4 GiB - 1),
     * rawName the name's bytes when they are not the UTF-8 of name (null otherwise).
     */
    public record Entry(String name, byte[] data, long declaredSize, byte[] rawName) {
        public Entry(String name, byte[] data, long declaredSize) {
            this(name, data, declaredSize, null);
        }

        public static Entry file(String name, String content) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            return new Entry(name, data, data.length);
        }

        public static Entry dir(String name) {
            return new Entry(name, new byte[0], 0);
        }

        /** A file whose name is the given bytes, which need not be valid UTF-8. */
        public static Entry rawName(byte[] name, String content) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            return new Entry(new String(name, StandardCharsets.ISO_8859_1), data, data.length, name.clone());
        }

        public Entry declaring(long size) {
            return new Entry(name, data, size, rawName);
        }

        byte[] nameBytes() {
            return rawName != null ? rawName : name.getBytes(StandardCharsets.UTF_8);
        }
    }

    private RawZip() {
    }

    public static Path write(Path file, List<Entry> entries) throws IOException {
        Files.write(file, bytes(entries));
        return file;
    }

    public static byte[] bytes(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.nameBytes();
            CRC32 crc = new CRC32();
            crc.update(e.data);
            int flags = e.rawName == null && e.name.chars().anyMatch(c -> c >= 0x80) ? 0x800 : 0;
            int offset = out.size();
            le32(out, 0x04034b50);
            header(out, flags, crc.getValue(), e, name);
            out.writeBytes(name);
            out.writeBytes(e.data);
            le32(central, 0x02014b50);
            le16(central, 20);
            header(central, flags, crc.getValue(), e, name);
            le16(central, 0);
            le16(central, 0);
            le16(central, 0);
            le32(central, 0);
            le32(central, offset);
            central.writeBytes(name);
        }
        int centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        le32(out, 0x06054b50);
        le16(out, 0);
        le16(out, 0);
        le16(out, entries.size());
        le16(out, entries.size());
        le32(out, central.size());
        le32(out, centralOffset);
        le16(out, 0);
        return out.toByteArray();
    }

    /** The fields local and central headers share, from "version needed" to "extra length". */
    private static void header(ByteArrayOutputStream out, int flags, long crc, Entry e, byte[] name) {
        le16(out, 20);
        le16(out, flags);
        le16(out, 0);
        le16(out, 0);
        le16(out, 0x21);
        le32(out, crc);
        le32(out, e.data.length);
        le32(out, e.declaredSize);
        le16(out, name.length);
        le16(out, 0);
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, long v) {
        le16(out, (int) (v & 0xFFFF));
        le16(out, (int) ((v >>> 16) & 0xFFFF));
    }
}
