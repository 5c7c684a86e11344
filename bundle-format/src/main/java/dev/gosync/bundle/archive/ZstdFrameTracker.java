package dev.gosync.bundle.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Follows the frame structure (RFC 8878, section 3.1) of the zstd bytes a decoder reads, without
 * decoding them, to tell whether the input ended exactly after a complete frame.
 *
 * <p>Why: the zstd-jni decoder reports a clean end of stream when its input stops inside a frame
 * that follows another one in the same read buffer, so a bundle (manifest frame + files frame)
 * cut inside its last frame's final block or checksum would read like a complete one. Every
 * tar entry is still checked against the signed manifest; this closes the gap for the frame
 * epilogue, whose content checksum the decoder never got to verify.
 */
final class ZstdFrameTracker extends FilterInputStream {
    private static final int ZSTD_MAGIC = 0xFD2FB528;
    private static final int SKIPPABLE_MAGIC_MASK = 0xFFFFFFF0;
    private static final int SKIPPABLE_MAGIC = 0x184D2A50;

    private enum State { MAGIC, SKIPPABLE_SIZE, DESCRIPTOR, HEADER_REST, BLOCK_HEADER, BLOCK_CONTENT, CHECKSUM }

    private State state = State.MAGIC;
    /** Bytes still to pass in the current state (or collected so far for MAGIC, SKIPPABLE_SIZE, BLOCK_HEADER). */
    private long remaining = 4;
    private long value;
    private int collected;
    private boolean checksum;
    private boolean lastBlock;
    private boolean frameSeen;
    private String problem;

    ZstdFrameTracker(InputStream in) {
        super(in);
    }

    /** Null when the bytes read so far end exactly after one or more complete frames; else what is wrong. */
    String incompleteness() {
        if (problem != null) {
            return problem;
        }
        if (!frameSeen) {
            return "no complete zstd frame";
        }
        return state == State.MAGIC && collected == 0 ? null : "the compressed data ends inside a zstd frame";
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            follow(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        int i = 0;
        while (i < n) {
            // Block contents are most of the bytes: pass over them in one step, all but the last
            // byte, which follow() takes to move on to the next state.
            boolean counting = state == State.BLOCK_CONTENT || state == State.HEADER_REST || state == State.CHECKSUM;
            int step = counting && problem == null ? (int) Math.min(remaining - 1, n - i) : 0;
            if (step > 0) {
                remaining -= step;
                i += step;
            } else {
                follow(buf[off + i++] & 0xFF);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Every byte must pass through follow(): read instead of skipping.
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int read = read(buf, 0, buf.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void follow(int b) {
        if (problem != null) {
            return;
        }
        switch (state) {
            case MAGIC -> {
                value |= (long) b << (8 * collected++);
                if (collected == 4) {
                    int magic = (int) value;
                    if (magic == ZSTD_MAGIC) {
                        next(State.DESCRIPTOR, 1);
                    } else if ((magic & SKIPPABLE_MAGIC_MASK) == SKIPPABLE_MAGIC) {
                        next(State.SKIPPABLE_SIZE, 4);
                    } else {
                        problem = "data that is not a zstd frame follows the compressed data";
                    }
                }
            }
            case SKIPPABLE_SIZE -> {
                value |= (long) b << (8 * collected++);
                if (collected == 4) {
                    long size = value;
                    endOfFrame(size, State.BLOCK_CONTENT);
                }
            }
            case DESCRIPTOR -> {
                int fcsFlag = b >>> 6;
                boolean singleSegment = (b & 0x20) != 0;
                checksum = (b & 0x04) != 0;
                int didFlag = b & 0x03;
                int rest = (singleSegment ? 0 : 1) + new int[] {0, 1, 2, 4}[didFlag]
                        + (fcsFlag == 0 ? (singleSegment ? 1 : 0) : 1 << fcsFlag);
                if ((b & 0x08) != 0) {
                    problem = "a zstd frame header has its reserved bit set";
                } else if (rest == 0) {
                    next(State.BLOCK_HEADER, 3);
                } else {
                    next(State.HEADER_REST, rest);
                }
            }
            case HEADER_REST -> {
                if (--remaining == 0) {
                    next(State.BLOCK_HEADER, 3);
                }
            }
            case BLOCK_HEADER -> {
                value |= (long) b << (8 * collected++);
                if (collected == 3) {
                    lastBlock = (value & 1) != 0;
                    int type = (int) (value >>> 1) & 3;
                    long size = value >>> 3;
                    if (type == 3) {
                        problem = "a zstd block of the reserved type";
                        return;
                    }
                    long content = type == 1 ? 1 : size;
                    if (content > 0) {
                        next(State.BLOCK_CONTENT, content);
                    } else {
                        afterBlock();
                    }
                }
            }
            case BLOCK_CONTENT -> {
                if (--remaining == 0) {
                    afterBlock();
                }
            }
            case CHECKSUM -> {
                if (--remaining == 0) {
                    frameDone();
                }
            }
        }
    }

    private void afterBlock() {
        if (!lastBlock) {
            next(State.BLOCK_HEADER, 3);
        } else if (checksum) {
            next(State.CHECKSUM, 4);
        } else {
            frameDone();
        }
    }

    /** A skippable frame: its content is passed over as block content that ends the frame. */
    private void endOfFrame(long size, State contentState) {
        if (size == 0) {
            frameDone();
        } else {
            lastBlock = true;
            checksum = false;
            next(contentState, size);
        }
    }

    private void frameDone() {
        frameSeen = true;
        next(State.MAGIC, 4);
    }

    private void next(State s, long bytes) {
        state = s;
        remaining = bytes;
        value = 0;
        collected = 0;
    }
}
