package dev.gosync.gomod.dirhash;

import dev.gosync.gomod.GoStrings;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Collects (name, SHA-256 of content) pairs in any order and turns them into an h1 hash. It lets
 * a writer hash files while their bytes flow somewhere else, for example into a zip being
 * created, so the content never has to be read twice. Only the names and 32-byte digests are
 * kept. Not thread-safe.
 */
public final class Hash1Builder {
    private static final String H1 = "h1:";

    private record Entry(String name, byte[] sha256) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * Records a file whose content digest is already known.
     *
     * @throws DirHashException if the name holds a newline or is not valid Unicode, which the
     *                          line-based h1 summary cannot express
     */
    public Hash1Builder add(String name, byte[] sha256) {
        checkName(name);
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + sha256.length);
        }
        entries.add(new Entry(name, sha256.clone()));
        return this;
    }

    /** Reads content to its end and records its digest under name; returns the number of bytes read. */
    public long add(String name, InputStream content) throws IOException {
        checkName(name);
        MessageDigest digest = sha256();
        long total = digestInto(digest, content);
        entries.add(new Entry(name, digest.digest()));
        return total;
    }

    /**
     * A stream that passes every byte on to target and digests it; closing it records the file
     * under name and leaves target open, so several files can be written into one zip stream.
     */
    public OutputStream file(String name, OutputStream target) {
        checkName(name);
        MessageDigest digest = sha256();
        return new FilterOutputStream(target) {
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                digest.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                digest.update(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    entries.add(new Entry(name, digest.digest()));
                }
            }
        };
    }

    /**
     * The h1 hash of the files recorded so far: SHA-256 over one line per file, in UTF-8 byte
     * order of the names, each line the hex content digest, two spaces, the name and a newline.
     * Duplicate names count once per occurrence.
     */
    public String build() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> GoStrings.compare(a.name, b.name));
        MessageDigest summary = sha256();
        HexFormat hex = HexFormat.of();
        for (Entry e : sorted) {
            String line = hex.formatHex(e.sha256) + "  " + e.name + "\n";
            summary.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return H1 + Base64.getEncoder().encodeToString(summary.digest());
    }

    static void checkName(String name) {
        if (name.indexOf('\n') >= 0) {
            throw new DirHashException("cannot hash file " + GoStrings.quote(name)
                    + ": h1 does not support file names containing a newline",
                    "rename the file; the go command cannot hash it either", null);
        }
        if (!GoStrings.isValidUtf8(name)) {
            throw new DirHashException("cannot hash file " + GoStrings.quote(name)
                    + ": the name is not valid Unicode", "rename the file", null);
        }
    }

    /** The SHA-256 of everything content holds, read to its end. */
    static byte[] digest(InputStream content) throws IOException {
        MessageDigest digest = sha256();
        digestInto(digest, content);
        return digest.digest();
    }

    private static long digestInto(MessageDigest digest, InputStream content) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = content.read(buf)) >= 0; ) {
            digest.update(buf, 0, n);
            total += n;
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
