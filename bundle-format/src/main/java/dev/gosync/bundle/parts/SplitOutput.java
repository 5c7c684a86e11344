package dev.gosync.bundle.parts;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A bundle in parts of bounded size plus an index; see the package comment for names. */
final class SplitOutput implements BundleOutput {
    private final Path base;
    private final long maxPartBytes;
    private final int maxParts;
    private final List<Path> temps = new ArrayList<>();
    private final List<PartIndex.Part> parts = new ArrayList<>();
    private final PartStream stream = new PartStream();
    private FileOutputStream current;
    private MessageDigest currentSha;
    private long currentSize;
    private long total;

    SplitOutput(Path base, long maxPartBytes) {
        this(base, maxPartBytes, PartNames.MAX_PARTS);
    }

    /** With a lower part limit, so tests can reach it without creating thousands of files. */
    SplitOutput(Path base, long maxPartBytes, int maxParts) {
        if (maxPartBytes <= 0) {
            throw new IllegalArgumentException("part size must be positive, got " + maxPartBytes);
        }
        this.base = base;
        this.maxPartBytes = maxPartBytes;
        this.maxParts = maxParts;
        AtomicFiles.requireAbsent(List.of(base, PartNames.part(base, 1), PartNames.index(base)));
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public long size() {
        return total;
    }

    @Override
    public List<Path> commit(String bundleId) {
        List<Path> published = new ArrayList<>();
        Path indexTemp = null;
        try {
            finishPart();
            List<Path> targets = new ArrayList<>();
            for (int i = 1; i <= parts.size(); i++) {
                targets.add(PartNames.part(base, i));
            }
            targets.add(PartNames.index(base));
            AtomicFiles.requireAbsent(targets);
            indexTemp = AtomicFiles.temporaryFor(PartNames.index(base));
            Files.write(indexTemp, new PartIndex(bundleId, parts).write());
            AtomicFiles.sync(indexTemp);
            for (Path temp : temps) {
                AtomicFiles.sync(temp);
            }
            for (int i = 0; i < temps.size(); i++) {
                AtomicFiles.publish(temps.get(i), targets.get(i));
                published.add(targets.get(i));
            }
            // The index goes last: its presence means every part is in place.
            AtomicFiles.publish(indexTemp, PartNames.index(base));
            published.add(PartNames.index(base));
        } catch (IOException e) {
            published.forEach(AtomicFiles::deleteQuietly);
            if (indexTemp != null) {
                AtomicFiles.deleteQuietly(indexTemp);
            }
            abort();
            throw new BundleException(Problem.IO, "cannot write split bundle " + base + ": " + e.getMessage(),
                    "check free space and permissions", e);
        } catch (RuntimeException e) {
            published.forEach(AtomicFiles::deleteQuietly);
            abort();
            throw e;
        }
        AtomicFiles.syncDirectory(base);
        return published;
    }

    @Override
    public void abort() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // The part is deleted next; its close error does not matter.
            }
            current = null;
        }
        temps.forEach(AtomicFiles::deleteQuietly);
    }

    private void startPart() throws IOException {
        if (temps.size() == maxParts) {
            throw new BundleException(Problem.IO, "the bundle needs more than " + maxParts + " parts of "
                    + maxPartBytes + " bytes", "choose a larger part size");
        }
        Path temp = AtomicFiles.temporaryFor(PartNames.part(base, temps.size() + 1));
        temps.add(temp);
        current = new FileOutputStream(temp.toFile());
        currentSha = sha256();
        currentSize = 0;
    }

    private void finishPart() throws IOException {
        if (current == null) {
            return;
        }
        current.close();
        current = null;
        parts.add(new PartIndex.Part(currentSize, HexFormat.of().formatHex(currentSha.digest())));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Fills parts up to the limit and starts the next one only when more bytes come. */
    private final class PartStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (current == null) {
                    startPart();
                }
                int n = (int) Math.min(len, maxPartBytes - currentSize);
                current.write(b, off, n);
                currentSha.update(b, off, n);
                currentSize += n;
                total += n;
                off += n;
                len -= n;
                if (currentSize == maxPartBytes) {
                    finishPart();
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.flush();
            }
        }
    }
}
