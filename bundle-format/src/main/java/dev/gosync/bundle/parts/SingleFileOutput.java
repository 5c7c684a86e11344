package dev.gosync.bundle.parts;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** A bundle in one file, written through a temporary file. */
final class SingleFileOutput implements BundleOutput {
    private final Path target;
    private Path temp;
    private FileOutputStream file;
    private CountingStream stream;

    SingleFileOutput(Path target) {
        this.target = target;
        AtomicFiles.requireAbsent(List.of(target));
    }

    @Override
    public OutputStream stream() {
        if (stream == null) {
            try {
                temp = AtomicFiles.temporaryFor(target);
                file = new FileOutputStream(temp.toFile());
            } catch (IOException e) {
                throw new BundleException(Problem.IO, "cannot create a file next to " + target + ": " + e.getMessage(),
                        "check that the directory exists and is writable", e);
            }
            stream = new CountingStream(file);
        }
        return stream;
    }

    /** Copied by the kernel, file to file, without passing through the Java heap. */
    @Override
    public void append(Path source) throws IOException {
        OutputStream out = stream();
        out.flush();
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            long size = in.size();
            FileChannel channel = file.getChannel();
            for (long position = 0; position < size; ) {
                position += in.transferTo(position, size - position, channel);
            }
            stream.count += size;
        }
    }

    @Override
    public long size() {
        return stream == null ? 0 : stream.count;
    }

    @Override
    public List<Path> commit(String bundleId) {
        stream();
        try {
            file.getChannel().force(true);
            file.close();
            AtomicFiles.requireAbsent(List.of(target));
            AtomicFiles.publish(temp, target);
        } catch (IOException e) {
            abort();
            throw new BundleException(Problem.IO, "cannot write bundle " + target + ": " + e.getMessage(),
                    "check free space and permissions", e);
        }
        AtomicFiles.syncDirectory(target);
        return List.of(target);
    }

    @Override
    public void abort() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // The file is deleted next; its close error does not matter.
            }
        }
        if (temp != null) {
            AtomicFiles.deleteQuietly(temp);
        }
    }

    /** Counts bytes; closing it leaves the file open for commit's sync. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
