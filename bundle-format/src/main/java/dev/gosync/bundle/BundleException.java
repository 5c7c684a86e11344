package dev.gosync.bundle;

import dev.gosync.gomod.GosyncException;

/**
 * A bundle could not be written or read. {@link #problem()} classifies the failure so that a
 * caller can react (exit code, audit log) without parsing the message.
 */
public class BundleException extends GosyncException {

    /** What kind of failure this is. */
    public enum Problem {
        /** No bundle file, part or index where one was named. */
        NOT_FOUND,
        /** The bytes are not a gosync bundle at all (unknown compression, no manifest first). */
        NOT_A_BUNDLE,
        /** The compressed stream or the tar structure is damaged or cut short. */
        CORRUPT,
        /** A tar entry that must never be extracted: link, device, absolute or dot-dot path. */
        HOSTILE_ENTRY,
        /** A regular file the manifest does not list where it stands: extra, repeated, out of order. */
        UNEXPECTED_ENTRY,
        /** A file the manifest lists is absent from the tarball. */
        MISSING_FILE,
        /** A file's size or sha256 differs from its manifest row. */
        CONTENT_MISMATCH,
        /** The bundle decompresses to more bytes than its manifest accounts for. */
        TOO_LARGE,
        /** Bytes after the end of the tar archive or of the compressed stream. */
        TRAILING_DATA,
        /** A part of a split bundle is absent. */
        MISSING_PART,
        /** A part of a split bundle does not match its index: wrong size, content or order. */
        PART_MISMATCH,
        /** The output would replace an existing file. */
        TARGET_EXISTS,
        /** The file system failed. */
        IO
    }

    private final Problem problem;

    public BundleException(Problem problem, String message, String remedy) {
        this(problem, message, remedy, null);
    }

    public BundleException(Problem problem, String message, String remedy, Throwable cause) {
        super(message, remedy, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
