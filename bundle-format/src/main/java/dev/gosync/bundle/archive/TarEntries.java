package dev.gosync.bundle.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes tar entry headers with fixed metadata: mode 0644, uid and gid 0, empty user and group
 * names, the bundle's created time as mtime.
 *
 * <p>Names of 100 characters or more get a pax extended header ({@code path=...}) that we write
 * ourselves; commons-compress would write one too, but it puts the current user's name into it,
 * which would make bundles depend on who wrote them. Its long-name and big-number modes are
 * therefore set to fail: nothing we write needs them, and a change that did would show at once.
 */
final class TarEntries {
    /** Longest name the ustar header holds without an extension. */
    private static final int USTAR_NAME_MAX = TarConstants.NAMELEN - 1;
    private static final int FILE_MODE = 0100644;

    private TarEntries() {
    }

    /**
     * A tar stream in 512-byte records, so that it holds no padding beyond each entry's own and
     * can stop after any entry (the bundle's head) or end with just the two end-of-archive blocks.
     */
    static TarArchiveOutputStream openBlocks(OutputStream compressed) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed, TarConstants.DEFAULT_RCDSIZE,
                StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_ERROR);
        tar.setAddPaxHeadersForNonAsciiNames(false);
        return tar;
    }

    /** Starts a regular file entry; the caller writes exactly {@code size} bytes and closes it. */
    static void putFile(TarArchiveOutputStream tar, String name, long size, Instant mtime) throws IOException {
        String headerName = name;
        if (name.length() > USTAR_NAME_MAX) {
            byte[] pax = paxRecord("path", name);
            put(tar, "./PaxHeaders/" + lastChars(name, USTAR_NAME_MAX - "./PaxHeaders/".length()),
                    TarConstants.LF_PAX_EXTENDED_HEADER_LC, pax.length, mtime);
            tar.write(pax);
            tar.closeArchiveEntry();
            headerName = name.substring(0, USTAR_NAME_MAX);
        }
        put(tar, headerName, TarConstants.LF_NORMAL, size, mtime);
    }

    /** A whole small entry. */
    static void putBytes(TarArchiveOutputStream tar, String name, byte[] content, Instant mtime) throws IOException {
        putFile(tar, name, content.length, mtime);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void put(TarArchiveOutputStream tar, String name, byte type, long size, Instant mtime)
            throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setMode(FILE_MODE);
        entry.setIds(0, 0);
        entry.setNames("", "");
        entry.setSize(size);
        entry.setLastModifiedTime(FileTime.from(mtime));
        tar.putArchiveEntry(entry);
    }

    /**
     * One pax record, {@code "<length> <key>=<value>\n"}, where the length counts the whole record
     * including its own digits.
     */
    static byte[] paxRecord(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = body + 1;
        while (String.valueOf(length).length() + body != length) {
            length = String.valueOf(length).length() + body;
        }
        return (length + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String lastChars(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }
}
