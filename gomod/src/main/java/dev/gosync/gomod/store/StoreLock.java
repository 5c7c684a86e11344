package dev.gosync.gomod.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The one-writer-at-a-time lock of a store: an OS file lock for other processes, and a permit for
 * other threads of this JVM, which OS file locks do not separate. The permit is taken before the
 * file is opened because closing any descriptor of a locked file drops the whole process's lock
 * on POSIX systems. Public so that a component built on a store (the mirror's importer) can hold
 * a lock of its own that spans more than one store transaction.
 */
public final class StoreLock implements AutoCloseable {
    private static final Map<Path, Semaphore> PERMITS = new ConcurrentHashMap<>();

    private final Semaphore permit;
    private final FileChannel channel;
    private boolean released;

    private StoreLock(Semaphore permit, FileChannel channel) {
        this.permit = permit;
        this.channel = channel;
    }

    /**
     * Takes the lock on file (whose directory must exist) if it is free, without waiting.
     *
     * @return the lock, or null when another thread or process holds it
     */
    public static StoreLock tryAcquire(Path file) throws IOException {
        Semaphore permit = permit(file);
        if (!permit.tryAcquire()) {
            return null;
        }
        return lockFile(permit, file, false);
    }

    /** Waits for the lock on file, whose directory must exist. */
    public static StoreLock acquire(Path file) throws IOException {
        Semaphore permit = permit(file);
        try {
            permit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the lock " + file);
        }
        return lockFile(permit, file, true);
    }

    private static Semaphore permit(Path file) throws IOException {
        Path key = file.getParent().toRealPath().resolve(file.getFileName());
        return PERMITS.computeIfAbsent(key, k -> new Semaphore(1));
    }

    /**
     * Locks the file for the holder of its permit, waiting for other processes or not; releases
     * the permit unless it returns a lock.
     *
     * @return the lock, or null when another process holds it and {@code wait} is false
     */
    private static StoreLock lockFile(Semaphore permit, Path file, boolean wait) throws IOException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (wait) {
                channel.lock();
            } else if (channel.tryLock() == null) {
                channel.close();
                permit.release();
                return null;
            }
            return new StoreLock(permit, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            permit.release();
            throw e;
        }
    }

    /** Releases the lock; later calls do nothing. Closing the channel releases its file lock. */
    @Override
    public void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        try {
            channel.close();
        } finally {
            permit.release();
        }
    }
}
