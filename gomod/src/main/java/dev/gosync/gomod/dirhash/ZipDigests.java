package dev.gosync.gomod.dirhash;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The h1 of an open module zip, its entries inflated and hashed on several threads when the zip
 * is large. h1 sorts the per-file digests before hashing them, so the order in which entries are
 * hashed makes no difference; without this, the largest zip of a bundle or closure is one
 * thread's work while the other cores wait for it.
 *
 * <p>The calling thread always takes part and claims entries itself, so it never waits for a
 * helper that has not started (the helpers are shared by all callers and may all be busy). The
 * outcome does not depend on the number of threads: when several entries fail, the failure
 * reported is the one a single thread reading the entries in central-directory order would have
 * met first, because no entry before the earliest failure found so far is ever skipped.
 */
final class ZipDigests {
    /** Below this much compressed data, a zip is hashed by the caller alone: hand-offs would cost more than they save. */
    static final long PARALLEL_THRESHOLD = 8L << 20;
    private static final int BUFFER = 64 * 1024;

    private final ZipFile zip;
    /** One entry per distinct name, in order of first appearance; the content is that of the name's last entry, as x/mod hashes it. */
    private final List<ZipEntry> unique;
    private final byte[][] digests;
    /** Indexes into {@link #unique}, largest first, so that no thread is left with a big entry at the end. */
    private final int[] claimOrder;
    private final AtomicInteger nextClaim = new AtomicInteger();
    private final CountDownLatch finished;
    private int earliestFailure = Integer.MAX_VALUE;
    private Throwable failure;
    private volatile boolean cancelled;

    private ZipDigests(ZipFile zip, List<ZipEntry> unique) {
        this.zip = zip;
        this.unique = unique;
        this.digests = new byte[unique.size()][];
        this.claimOrder = IntStream.range(0, unique.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> unique.get(i).getCompressedSize()).reversed())
                .mapToInt(Integer::intValue).toArray();
        this.finished = new CountDownLatch(unique.size());
    }

    /** The h1 of zip, using up to the default number of helper threads (one fewer than the processors) for a large zip. */
    static String hash(ZipFile zip) throws IOException {
        return hash(zip, Helpers.COUNT, PARALLEL_THRESHOLD);
    }

    /**
     * The h1 of zip, with up to {@code helpers} threads besides the caller when the zip holds at
     * least {@code threshold} bytes of compressed data.
     *
     * @throws IOException if an entry cannot be read or does not match its declared size or CRC-32
     */
    static String hash(ZipFile zip, int helpers, long threshold) throws IOException {
        List<? extends ZipEntry> entries = Collections.list(zip.entries());
        Map<String, ZipEntry> last = new HashMap<>();
        for (ZipEntry entry : entries) {
            last.put(entry.getName(), entry);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<ZipEntry> unique = new ArrayList<>();
        long compressed = 0;
        for (ZipEntry entry : entries) {
            if (index.putIfAbsent(entry.getName(), unique.size()) == null) {
                ZipEntry content = last.get(entry.getName());
                unique.add(content);
                compressed += Math.max(0, content.getCompressedSize());
            }
        }
        ZipDigests job = new ZipDigests(zip, unique);
        job.refuseNamesFrom(index);
        int used = compressed >= threshold ? Math.min(helpers, unique.size() - 1) : 0;
        for (int i = 0; i < used; i++) {
            Helpers.POOL.execute(job::work);
        }
        job.work();
        job.awaitHelpers();
        job.rethrow();
        Hash1Builder builder = new Hash1Builder();
        for (ZipEntry entry : entries) {
            builder.add(entry.getName(), job.digests[index.get(entry.getName())]);
        }
        return builder.build();
    }

    /**
     * A name h1 cannot express fails the hash where a single pass would have met it: after the
     * content of that name's first entry was read, before any later name's.
     */
    private void refuseNamesFrom(Map<String, Integer> index) {
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            try {
                Hash1Builder.checkName(e.getKey());
            } catch (DirHashException refused) {
                earliestFailure = e.getValue() + 1;
                failure = refused;
                return;
            }
        }
    }

    /** Claims and hashes entries until none is left; run by the caller and by each helper. */
    private void work() {
        MessageDigest sha256 = sha256();
        byte[] buffer = null;
        for (int claim; (claim = nextClaim.getAndIncrement()) < claimOrder.length; ) {
            int i = claimOrder[claim];
            try {
                if (!cancelled && i < earliestFailure()) {
                    if (buffer == null) {
                        buffer = new byte[BUFFER];
                    }
                    digests[i] = digest(unique.get(i), sha256, buffer);
                }
            } catch (IOException | RuntimeException | Error e) {
                failed(i, e);
            } finally {
                finished.countDown();
            }
        }
    }

    private byte[] digest(ZipEntry entry, MessageDigest sha256, byte[] buffer) throws IOException {
        if (entry.isDirectory()) {
            // Go's zip reader serves directory entries as empty and refuses ones that carry data.
            if (entry.getCompressedSize() != 0) {
                throw new ZipException("directory entry " + entry.getName() + " carries data");
            }
            return sha256.digest();
        }
        try (InputStream in = new CheckedEntryStream(zip.getInputStream(entry), entry.getName(), entry.getSize(),
                entry.getCrc())) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            sha256.reset();
            throw e;
        }
        return sha256.digest();
    }

    private synchronized int earliestFailure() {
        return earliestFailure;
    }

    private synchronized void failed(int i, Throwable e) {
        // A refused name at index i is recorded as failing at i + 1, so a content failure at i still comes first.
        if (i < earliestFailure) {
            earliestFailure = i;
            failure = e;
        }
    }

    /**
     * Waits until every claimed entry is done. Once interrupted, the remaining entries are
     * skipped, but the wait goes on for the ones being read: no helper reads the zip after the
     * caller has closed it.
     */
    private void awaitHelpers() throws InterruptedIOException {
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                cancelled = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing " + zip.getName());
        }
    }

    private synchronized void rethrow() throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Threads shared by every hash in the process; idle ones end after a while. */
    private static final class Helpers {
        static final int COUNT = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
        static final ExecutorService POOL = pool();

        private static ExecutorService pool() {
            AtomicInteger number = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(Math.max(1, COUNT), Math.max(1, COUNT), 10,
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "gosync-h1-" + number.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
