package dev.gosync.gomod.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Puts staged files on disk in the background, one after the other, while the transaction goes
 * on staging and checking more. The commit must sync every staged file before it writes its
 * journal; a file written back already syncs at once, so the wait for the disk moves out of the
 * commit, where nothing else runs, into the time the import or download is busy anyway.
 *
 * <p>Only a head start: the commit's own sync is the one that counts, so a file that is gone
 * (moved into the layout, deleted, its transaction aborted) or cannot be synced is skipped.
 */
final class Writeback {
    private static final ExecutorService THREAD = thread();

    private Writeback() {
    }

    static void start(Path file) {
        THREAD.execute(() -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            } catch (IOException | RuntimeException e) {
                // See the class comment: the commit syncs it, or it no longer matters.
            }
        });
    }

    private static ExecutorService thread() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "gosync-writeback");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
