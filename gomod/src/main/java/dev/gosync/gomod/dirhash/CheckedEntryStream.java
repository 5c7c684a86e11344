package dev.gosync.gomod.dirhash;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

/**
 * The content of one zip entry, held to the size and CRC-32 its central-directory record
 * declares, as Go's archive/zip reader holds it: more bytes than declared, fewer, or a CRC that
 * differs (unless the record leaves it 0) is an error, so a corrupt zip cannot hash quietly.
 */
final class CheckedEntryStream extends InputStream {
    private final InputStream in;
    private final String name;
    private final long declaredSize;
    private final long declaredCrc;
    private final CRC32 crc = new CRC32();
    private long count;

    CheckedEntryStream(InputStream in, String name, long declaredSize, long declaredCrc) {
        this.in = in;
        this.name = name;
        this.declaredSize = declaredSize;
        this.declaredCrc = declaredCrc;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            atEnd();
            return n;
        }
        crc.update(b, off, n);
        count += n;
        if (declaredSize < 0 || count > declaredSize) {
            throw new ZipException("entry " + name + " holds more than its declared " + Long.toUnsignedString(declaredSize) + " bytes");
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void atEnd() throws ZipException {
        if (count != declaredSize) {
            throw new ZipException("entry " + name + " holds " + count + " bytes but declares " + Long.toUnsignedString(declaredSize));
        }
        if (declaredCrc != 0 && crc.getValue() != declaredCrc) {
            throw new ZipException("entry " + name + " fails its CRC-32 check");
        }
    }
}
