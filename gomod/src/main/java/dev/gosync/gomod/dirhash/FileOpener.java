package dev.gosync.gomod.dirhash;

import java.io.IOException;
import java.io.InputStream;

/** Opens the content of one named file for {@link DirHash#hash1}; the caller closes the stream. */
@FunctionalInterface
public interface FileOpener {
    InputStream open(String name) throws IOException;
}
