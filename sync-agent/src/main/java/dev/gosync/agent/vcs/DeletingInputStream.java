package dev.gosync.agent.vcs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a temporary file and deletes it when closed, so a spooled zip never outlives its reader. */
final class DeletingInputStream extends FilterInputStream {
    private final Path file;

    private DeletingInputStream(InputStream in, Path file) {
        super(in);
        this.file = file;
    }

    static InputStream open(Path file) throws IOException {
        return new DeletingInputStream(Files.newInputStream(file), file);
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
