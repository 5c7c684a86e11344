package dev.gosync.bundle.archive;

import dev.gosync.bundle.manifest.FileRow;
import java.io.IOException;
import java.io.InputStream;

/** Supplies the bytes of each manifest file while a bundle is written, one stream at a time. */
@FunctionalInterface
public interface FileSource {

    /** A new stream of the file's bytes; the writer closes it. */
    InputStream open(FileRow row) throws IOException;
}
