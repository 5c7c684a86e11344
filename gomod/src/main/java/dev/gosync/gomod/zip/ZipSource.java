package dev.gosync.gomod.zip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * One file offered for a module zip, from wherever it lives (a directory, a git tree, memory).
 * Mirrors x/mod's {@code zip.File}: the rules need its path, its kind and its size before any
 * content is read, and only valid regular files are ever opened.
 */
public interface ZipSource {
    /** {@link #size()} of a source that cannot tell its size in advance; it is then enforced while writing. */
    long UNKNOWN_SIZE = -1;

    /** What the file is, as an lstat would say: links are not followed. */
    enum Kind { REGULAR, DIRECTORY, SYMLINK, OTHER }

    /** Clean, slash-separated path relative to the module root, such as {@code internal/a.go}. */
    String path();

    Kind kind();

    /** Content length in bytes, or {@link #UNKNOWN_SIZE}. */
    long size();

    /** The content of a regular file; the caller closes it. */
    InputStream open() throws IOException;

    /** A regular file held in memory. */
    static ZipSource of(String path, byte[] content) {
        return new BytesSource(path, content.clone());
    }

    /** The file system entry at file (links not followed), offered under path. */
    static ZipSource ofFile(String path, Path file) throws IOException {
        return FileSource.lstat(path, file);
    }
}
