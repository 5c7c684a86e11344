import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The least work an export that checks every h1 must do: SHA-256 of each whole zip and inflate +
 * SHA-256 of every entry, on N threads, with nothing else. A lower bound for the export's
 * fetch-and-verify time on this machine (see docs/PERFORMANCE.md).
 *
 * <p>Run without building: {@code java bench/HashFloor.java THREADS PROXY_DIR}.
 */
public final class HashFloor {
    private static final int BUFFER = 1 << 16;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java bench/HashFloor.java THREADS PROXY_DIR");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[0]);
        List<Path> zips;
        try (Stream<Path> files = Files.walk(Path.of(args[1]))) {
            // Largest first, so no thread is left with a big zip at the end.
            zips = files.filter(p -> p.toString().endsWith(".zip"))
                    .sorted(Comparator.comparingLong(HashFloor::size).reversed()).toList();
        }
        for (int round = 1; round <= 2; round++) {
            AtomicLong zipped = new AtomicLong();
            AtomicLong unzipped = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (Path zip : zips) {
                work.add(pool.submit(() -> {
                    hash(zip, zipped, unzipped);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            System.out.printf("round %d, %d threads: %.1f MB of zips and %.1f MB unzipped hashed in %.2f s%n", round,
                    threads, zipped.get() / 1e6, unzipped.get() / 1e6, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void hash(Path zip, AtomicLong zipped, AtomicLong unzipped) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(zip)) {
            zipped.addAndGet(digest(in, sha256, buffer));
        }
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zf.entries(); entries.hasMoreElements(); ) {
                try (InputStream in = zf.getInputStream(entries.nextElement())) {
                    unzipped.addAndGet(digest(in, sha256, buffer));
                }
            }
        }
    }

    private static long digest(InputStream in, MessageDigest sha256, byte[] buffer) throws IOException {
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha256.update(buffer, 0, n);
            total += n;
        }
        sha256.digest();
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the size of " + file, e);
        }
    }
}
