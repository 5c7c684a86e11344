package dev.gosync.bundle.archive;

import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.ManifestCodec;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Hand-made bundles for hostile-input tests: any tar entries in any order, extra bytes after the
 * tar or after the compressed stream. Written through the compressor as it goes, so large
 * crafted content costs little memory. With {@link #signed}, a test builds exactly the archive
 * an attacker would, with a valid signature over a lying manifest. Shared with other modules'
 * tests through this module's test jar.
 */
public final class CraftedBundle {
    private final ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    private final OutputStream compressor;
    private final TarArchiveOutputStream tar;

    public CraftedBundle(Compression compression) {
        try {
            compressor = compression.compress(compressed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tar = new TarArchiveOutputStream(compressor, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** Starts a zstd bundle with the manifest alone; the test adds a signature entry or not. */
    public static CraftedBundle startingWith(Manifest manifest) {
        return new CraftedBundle(Compression.ZSTD).file(BundleLayout.MANIFEST_ENTRY, ManifestCodec.write(manifest));
    }

    /** Starts a zstd bundle with the manifest and its signature by {@code key}. */
    public static CraftedBundle signed(Manifest manifest, Ed25519KeyPair key) {
        byte[] bytes = ManifestCodec.write(manifest);
        return new CraftedBundle(Compression.ZSTD).file(BundleLayout.MANIFEST_ENTRY, bytes)
                .file(BundleLayout.SIGNATURE_ENTRY, new SshSigSigner(key).sign(bytes));
    }

    public CraftedBundle file(String name, byte[] content) {
        return entry(new TarArchiveEntry(name, true), content);
    }

    /** An entry of another type, e.g. a link or device. */
    public CraftedBundle special(String name, byte type, String linkName) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        if (linkName != null) {
            entry.setLinkName(linkName);
        }
        return entry(entry, new byte[0]);
    }

    public CraftedBundle entry(TarArchiveEntry entry, byte[] content) {
        try {
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A pax extended header for the next entry. */
    public CraftedBundle pax(String key, String value) {
        return entry(new TarArchiveEntry("./PaxHeaders/x", TarConstants.LF_PAX_EXTENDED_HEADER_LC),
                TarEntries.paxRecord(key, value));
    }

    /** A pax header whose one record has a value of {@code size} bytes, written in pieces. */
    public CraftedBundle hugePax(long size) {
        try {
            long body = " comment=".length() + size + 1;
            long length = body + 1;
            while (String.valueOf(length).length() + body != length) {
                length = String.valueOf(length).length() + body;
            }
            TarArchiveEntry entry = new TarArchiveEntry("./PaxHeaders/x", TarConstants.LF_PAX_EXTENDED_HEADER_LC);
            entry.setSize(length);
            tar.putArchiveEntry(entry);
            tar.write((length + " comment=").getBytes(StandardCharsets.US_ASCII));
            writeRepeated(tar, 'x', size);
            tar.write('\n');
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Ends the tar, then appends {@code count} copies of {@code b} inside the compressed stream. */
    public CraftedBundle endTarThenAppend(int b, long count) {
        try {
            tar.finish();
            tar.flush();
            writeRepeated(compressor, b, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The compressed bundle; ends the tar unless {@link #endTarThenAppend} did, and the compression. */
    public byte[] bytes() {
        try {
            tar.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    public Path writeTo(Path file) {
        try {
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRepeated(OutputStream out, int b, long count) throws IOException {
        byte[] chunk = new byte[65536];
        Arrays.fill(chunk, (byte) b);
        for (long left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }
}
