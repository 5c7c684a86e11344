import dev.gosync.bundle.archive.BundleReader;
import dev.gosync.bundle.archive.TrustPolicy;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.zip.ModuleZips;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What each part of an import's checks costs on its own, in CPU-seconds of one thread: zstd,
 * the tar reader, the bundle's SHA-256 of every file, inflating, SHA-256 of the unzipped content,
 * the zip-rule checks and gosync's h1. Two rounds; the second is the one to read (the JIT has
 * compiled the loops by then). See docs/PERFORMANCE.md.
 *
 * <p>{@code java -cp cli/target/gosync.jar bench/ImportParts.java BUNDLE CORPUS/proxy}
 */
public final class ImportParts {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int BUFFER = 1 << 16;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -cp gosync.jar bench/ImportParts.java BUNDLE PROXY_DIR");
            System.exit(2);
        }
        Path bundle = Path.of(args[0]);
        Path proxy = Path.of(args[1]);
        List<Path> zips;
        try (Stream<Path> files = Files.walk(proxy)) {
            zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        byte[] buffer = new byte[BUFFER];
        for (int round = 1; round <= 2; round++) {
            System.out.println("round " + round);
            time("zstd decompression", () -> {
                try (InputStream in = zstd(bundle)) {
                    drain(in, buffer, null);
                }
            });
            time("zstd + tar reader", () -> {
                try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(zstd(bundle), 512,
                        "UTF-8")) {
                    while (tar.getNextEntry() != null) {
                        drain(tar, buffer, null);
                    }
                }
            });
            time("bundle reader (zstd, tar, SHA-256 of every file)", () -> {
                try (BundleReader reader = BundleReader.open(bundle, TrustPolicy.integrityOnly())) {
                    reader.verifyAll();
                }
            });
            time("inflate every zip entry", () -> eachEntry(zips, in -> drain(in, buffer, null)));
            time("inflate + SHA-256 every zip entry", () -> {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                eachEntry(zips, in -> drain(in, buffer, sha256));
            });
            time("zip rules (ModuleZips.checkZip)", () -> {
                for (Path zip : zips) {
                    ModuleZips.checkZip(ProxyLayout.parse(proxy.relativize(zip).toString()).module(), zip);
                }
            });
            time("h1 (DirHash.hashZip, may use helper threads)", () -> {
                for (Path zip : zips) {
                    DirHash.hashZip(zip);
                }
            });
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private interface EntryWork {
        void run(InputStream in) throws Exception;
    }

    private static void time(String what, Work work) throws Exception {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        work.run();
        System.out.printf("  %-50s %6.2f CPU-s (this thread) %6.2f s wall%n", what,
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9);
    }

    private static InputStream zstd(Path bundle) throws Exception {
        return new com.github.luben.zstd.ZstdInputStreamNoFinalizer(
                new BufferedInputStream(Files.newInputStream(bundle), BUFFER));
    }

    private static void eachEntry(List<Path> zips, EntryWork work) throws Exception {
        for (Path zip : zips) {
            try (ZipFile zf = new ZipFile(zip.toFile())) {
                for (var entries = zf.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    try (InputStream in = zf.getInputStream(entry)) {
                        work.run(in);
                    }
                }
            }
        }
    }

    private static void drain(InputStream in, byte[] buffer, MessageDigest digest) throws Exception {
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (digest != null) {
                digest.update(buffer, 0, n);
            }
        }
    }
}
