package dev.gosync.bundle.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The tracker tells a stream of complete zstd frames from one cut anywhere inside a frame. */
class ZstdFrameTrackerTest {
    private static String follow(byte[] bytes) throws IOException {
        ZstdFrameTracker tracker = new ZstdFrameTracker(new ByteArrayInputStream(bytes));
        tracker.readAllBytes();
        return tracker.incompleteness();
    }

    private static byte[] frames() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Zstd.compress("a small first frame".getBytes(StandardCharsets.UTF_8)));
        byte[] skippable = {0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 'x', 'y', 'z'};
        out.write(skippable);
        byte[] big = new byte[300_000];
        Arrays.fill(big, 0, 1000, (byte) 7);
        for (int i = 1000; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >> 7));
        }
        try (OutputStream z = Compression.ZSTD.compress(out, 1)) {
            z.write(big);
        }
        return out.toByteArray();
    }

    @Test
    void completeFramesOfEveryKindEndCleanly() throws IOException {
        assertNull(follow(frames()));
    }

    @Test
    void everyCutInsideAFrameIsSeen() throws IOException {
        byte[] all = frames();
        int firstFrame = Zstd.compress("a small first frame".getBytes(StandardCharsets.UTF_8)).length;
        for (int length = 1; length < all.length; length++) {
            String problem = follow(Arrays.copyOf(all, length));
            boolean atBoundary = length == firstFrame || length == firstFrame + 11;
            assertEquals(atBoundary, problem == null, "cut at " + length + " of " + all.length + ": " + problem);
        }
        assertEquals("no complete zstd frame", follow(new byte[0]));
    }

    @Test
    void bytesThatAreNotAFrameAreNamed() throws IOException {
        byte[] all = frames();
        byte[] junk = Arrays.copyOf(all, all.length + 4);
        assertEquals("data that is not a zstd frame follows the compressed data", follow(junk));
    }
}
