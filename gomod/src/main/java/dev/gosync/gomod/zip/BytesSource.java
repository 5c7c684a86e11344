package dev.gosync.gomod.zip;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A {@link ZipSource} whose content is in memory. */
record BytesSource(String path, byte[] content) implements ZipSource {
    @Override
    public Kind kind() {
        return Kind.REGULAR;
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(content);
    }
}
