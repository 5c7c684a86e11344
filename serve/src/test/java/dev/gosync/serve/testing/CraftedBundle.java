package dev.gosync.serve.testing;

import com.github.luben.zstd.ZstdOutputStream;
import dev.gosync.bundle.archive.BundleLayout;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.ManifestCodec;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Hand-made bundles for hostile-input tests: a manifest (any rows) signed with a real key, then
 * whatever tar entries the test wants, in any order and of any type, zstd-compressed. Lets a test
 * build exactly the archive an attacker would, with a valid signature over a lying manifest.
 */
public final class CraftedBundle {
    private final ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    private final OutputStream zstd;
    private final TarArchiveOutputStream tar;

    private CraftedBundle() {
        try {
            zstd = new ZstdOutputStream(compressed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tar = new TarArchiveOutputStream(zstd, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    /** Starts with the manifest of {@code rows} (other fields fixed), signed by {@code key}. */
    public static CraftedBundle signed(List<FileRow> rows, Ed25519KeyPair key) {
        Manifest manifest = Manifest.builder().channel("default").sequence(1).created(TestBundle.CREATED)
                .tool("crafted").signature(SshSigSigner.SCHEME).files(rows).build();
        return signed(manifest, key);
    }

    public static CraftedBundle signed(Manifest manifest, Ed25519KeyPair key) {
        byte[] bytes = ManifestCodec.write(manifest);
        return new CraftedBundle().file(BundleLayout.MANIFEST_ENTRY, bytes)
                .file(BundleLayout.SIGNATURE_ENTRY, new SshSigSigner(key).sign(bytes));
    }

    /** Starts with the manifest alone; the test adds a signature entry or not. */
    public static CraftedBundle unsignedStart(Manifest manifest) {
        return new CraftedBundle().file(BundleLayout.MANIFEST_ENTRY, ManifestCodec.write(manifest));
    }

    public CraftedBundle file(String name, byte[] content) {
        return entry(new TarArchiveEntry(name, true), content);
    }

    /** An entry of another type (link, device, fifo, directory), with a link target when one is given. */
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

    /** Ends the tar, then writes {@code count} bytes {@code b} inside the compressed stream. */
    public CraftedBundle endTarThenAppend(int b, long count) {
        try {
            tar.finish();
            tar.flush();
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) b);
            for (long left = count; left > 0; left -= chunk.length) {
                zstd.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

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
}
