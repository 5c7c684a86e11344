package dev.gosync.bundle.archive;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * The compression around the tar stream. Readers recognise it by its magic bytes, whatever the
 * file is called. Both are set up for deterministic output: fixed level, no time stamp or file
 * name in the gzip header, zstd with a content checksum. zstd compresses with one worker thread
 * per core: its multi-threaded mode cuts the input into jobs by size alone, so the output is the
 * same whatever the number of workers (and differs from its single-threaded mode, which is
 * therefore never used, even on one core).
 */
public enum Compression {
    /** zstd (RFC 8878), the default: fast, and its frames carry a checksum of the content. */
    ZSTD(".tar.zst", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}),
    /** gzip (RFC 1952), for places without zstd tools. */
    GZIP(".tar.gz", new byte[] {0x1f, (byte) 0x8b});

    private static final int ZSTD_LEVEL = 3;
    /**
     * zstd's multi-threaded job size. Its default at level 3 (8 MiB) loses about 30 KB per
     * 500 MB against the single-threaded mode, which made bundles larger than a plain
     * {@code tar | zstd -T0} of the same files; 16 MiB jobs lose half as much and are no
     * slower. Larger jobs gain little more and cost memory: each worker buffers about two jobs
     * (32 MiB jobs added 120 MB of resident memory on two workers).
     */
    private static final int ZSTD_JOB_SIZE = 16 << 20;
    private static final int GZIP_LEVEL = 6;
    /** "Unknown" in the gzip header's OS field, so the output does not depend on the platform. */
    private static final int GZIP_OS_UNKNOWN = 255;

    private final String extension;
    private final byte[] magic;

    Compression(String extension, byte[] magic) {
        this.extension = extension;
        this.magic = magic;
    }

    /** The conventional file name ending, e.g. {@code .tar.zst}. */
    public String extension() {
        return extension;
    }

    OutputStream compress(OutputStream raw) throws IOException {
        return compress(raw, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #compress(OutputStream)}, zstd with {@code workers} (at least 1) threads; the bytes do not depend on it. */
    OutputStream compress(OutputStream raw, int workers) throws IOException {
        if (this == ZSTD) {
            ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(raw, ZSTD_LEVEL);
            zstd.setChecksum(true);
            zstd.setWorkers(Math.max(1, workers));
            zstd.setJobSize(ZSTD_JOB_SIZE);
            return zstd;
        }
        GzipParameters parameters = new GzipParameters();
        parameters.setCompressionLevel(GZIP_LEVEL);
        parameters.setModificationTime(0);
        parameters.setOperatingSystem(GZIP_OS_UNKNOWN);
        return new GzipCompressorOutputStream(raw, parameters);
    }

    /**
     * Decompresses {@code raw}, which must support mark/reset: gzip then hands back what it read
     * past the end of its member, so the caller can check that nothing follows.
     */
    InputStream decompress(BufferedInputStream raw) throws IOException {
        return this == ZSTD ? zstdDecoder(raw) : new GzipCompressorInputStream(raw, false);
    }

    /**
     * A zstd decoder of raw. It reports a clean end where raw stops inside a frame that follows
     * another in the same read buffer, so a reader that must see complete frames also follows
     * them ({@link ZstdFrameTracker}).
     */
    static InputStream zstdDecoder(InputStream raw) throws IOException {
        return new ZstdInputStreamNoFinalizer(raw);
    }

    /** The compression whose magic bytes start {@code raw}; leaves the stream where it was. */
    static Compression detect(BufferedInputStream raw, String name) throws IOException {
        raw.mark(8);
        byte[] head = raw.readNBytes(4);
        raw.reset();
        for (Compression c : values()) {
            if (head.length >= c.magic.length && Arrays.equals(Arrays.copyOf(head, c.magic.length), c.magic)) {
                return c;
            }
        }
        throw new BundleException(Problem.NOT_A_BUNDLE, name + " is not a gosync bundle: it starts with bytes "
                + HexFormat.of().formatHex(head) + ", neither zstd nor gzip", "check that this is the bundle file");
    }
}
