package dev.gosync.agent.export;

import dev.gosync.agent.cache.CachedFile;
import dev.gosync.agent.cache.DownloadCache;
import dev.gosync.agent.cache.DownloadException;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Gets many files through the download cache with a fixed number of threads. The first failure
 * stops the rest: files already complete stay in the cache for the next run. The threads take the
 * files in the order wanted, so a caller that consumes them in that order rarely waits long.
 */
final class ParallelFetch {
    /** How long a failed fetch waits for the other threads to notice and stop. */
    private static final long STOP_WAIT_SECONDS = 30;

    /** One file to get. */
    record Want(ModuleVersion module, LayoutPath.Kind kind) {
    }

    private ParallelFetch() {
    }

    /** The files, in the order wanted, all in the cache's store when it returns. */
    static List<CachedFile> fetch(DownloadCache cache, List<Want> wanted, int jobs) {
        return fetch(cache, wanted, jobs, file -> { });
    }

    /**
     * As {@link #fetch(DownloadCache, List, int)}, handing each file to {@code inOrder} as soon as
     * it and all wanted before it are fetched, while the rest are still being fetched. A failure
     * of {@code inOrder} stops the fetch like a failed download.
     */
    static List<CachedFile> fetch(DownloadCache cache, List<Want> wanted, int jobs, Consumer<CachedFile> inOrder) {
        boolean fetched = false;
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "gosync-fetch-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<CachedFile> done = new ExecutorCompletionService<>(pool);
            List<Future<CachedFile>> futures = new ArrayList<>();
            for (Want want : wanted) {
                futures.add(done.submit(() -> cache.get(want.module(), want.kind())));
            }
            List<CachedFile> files = new ArrayList<>();
            for (int i = 0; i < wanted.size(); i++) {
                rethrowFailure(done.take());
                while (files.size() < futures.size() && futures.get(files.size()).isDone()) {
                    CachedFile next = futures.get(files.size()).get();
                    files.add(next);
                    inOrder.accept(next);
                }
            }
            fetched = true;
            return files;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("interrupted while downloading", "export again; finished files are cached", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } finally {
            pool.shutdownNow();
            awaitStop(pool);
            finishCommits(cache, fetched);
        }
    }

    private static void rethrowFailure(Future<CachedFile> finished) throws InterruptedException {
        try {
            finished.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
            return cause;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("a download failed unexpectedly", e.getCause());
    }

    /**
     * Waits until what was fetched is in the store: after a failure too, so that the next run
     * fetches only the rest; a storing failure is then left behind the fetch failure.
     */
    private static void finishCommits(DownloadCache cache, boolean fetched) {
        try {
            cache.flush();
        } catch (RuntimeException e) {
            if (fetched) {
                throw e;
            }
        }
    }

    /** Waits for stopped fetches, so that none still writes into the cache when the export returns. */
    private static void awaitStop(ExecutorService pool) {
        try {
            pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
