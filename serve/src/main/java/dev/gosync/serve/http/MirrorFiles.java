package dev.gosync.serve.http;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.store.FileStamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mirror's files as the server reads them. Small text files (lists, .info, .mod) are kept in
 * memory keyed by path and {@link FileStamp}: each request costs one stat, and a file an import
 * has replaced (new inode) is read afresh, so nothing stale is served. Zips and large files are
 * opened once per request and sent from that open handle: a rename over the path during the
 * transfer does not change what this response sends.
 *
 * <p>Only paths that {@link RequestTarget} accepted reach this class; an import's staging files
 * live under {@code .gosync/}, which no such path can name.
 */
final class MirrorFiles {
    /** Larger files are streamed: holding a 16 MiB go.mod in the cache would evict hundreds of useful entries. */
    static final int MAX_CACHED_FILE = 256 * 1024;
    private static final int READ_ATTEMPTS = 5;

    private final Path root;
    private final long cacheBudget;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong cachedBytes = new AtomicLong();

    private record Cached(FileStamp stamp, Representation representation) {
    }

    /** A file to send from disk. The caller owns the channel. */
    record Streamed(FileChannel channel, FileStamp stamp) {
    }

    MirrorFiles(Path root, long cacheBudget) {
        this.root = root;
        this.cacheBudget = cacheBudget;
    }

    Path root() {
        return root;
    }

    /** The file for a layout path (relative is {@code layout.relativePath()}, passed in because computing it validates again): a {@link Representation}, a {@link Streamed} file, or null when the mirror has none. */
    Object lookup(LayoutPath layout, String relative) throws IOException {
        Path file = root.resolve(relative);
        boolean cacheable = layout.kind() != LayoutPath.Kind.ZIP;
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            FileStamp stamp = FileStamp.ofRegularFile(file);
            if (stamp == null) {
                return null;
            }
            if (!cacheable || stamp.size() > MAX_CACHED_FILE) {
                if (!insideMirror(file)) {
                    return null;
                }
                Streamed streamed = open(file, stamp);
                if (streamed != null) {
                    return streamed;
                }
                continue;
            }
            Cached hit = cache.get(relative);
            if (hit != null && hit.stamp.equals(stamp)) {
                return hit.representation;
            }
            if (!insideMirror(file)) {
                return null;
            }
            byte[] body = read(file, stamp);
            // Replaced between the two stats: the bytes may belong to either file; read again.
            if (body == null || !stamp.equals(FileStamp.ofRegularFile(file))) {
                continue;
            }
            Representation rep = Representation.of(body, true, contentType(layout.kind()), etag(stamp),
                    stamp.mtimeSeconds());
            remember(relative, new Cached(stamp, rep), hit);
            return rep;
        }
        throw new IOException("the file " + relative + " kept changing while it was read");
    }

    /** The stamp of a layout file, or null; used to key what is computed from it. */
    FileStamp stamp(String relativePath) throws IOException {
        return FileStamp.ofRegularFile(root.resolve(relativePath));
    }

    /** The whole content of a small file, or null if it is missing or not small. */
    byte[] readSmall(String relativePath) throws IOException {
        return readUpTo(relativePath, MAX_CACHED_FILE);
    }

    /**
     * The whole content of a file of at most maxSize bytes, or null if it is missing, larger, or
     * replaced while read. For files the server computes from (a list, a go.mod), whose size the
     * response cache's limit must not decide.
     */
    byte[] readUpTo(String relativePath, long maxSize) throws IOException {
        Path file = root.resolve(relativePath);
        FileStamp stamp = FileStamp.ofRegularFile(file);
        if (stamp == null || stamp.size() > maxSize || !insideMirror(file)) {
            return null;
        }
        return read(file, stamp);
    }

    /**
     * Whether the file, with every symbolic link on its way resolved, is still under the mirror
     * (a link an administrator placed must not lead out of it). Checked whenever a file is
     * opened; a cache hit needs no check, since a swapped directory would show as a new stamp.
     */
    private boolean insideMirror(Path file) throws IOException {
        try {
            return file.toRealPath().startsWith(root);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    static String contentType(LayoutPath.Kind kind) {
        return switch (kind) {
            case INFO, LATEST -> "application/json";
            case ZIP -> "application/zip";
            case LIST, MOD -> "text/plain; charset=utf-8";
        };
    }

    private void remember(String relative, Cached entry, Cached old) {
        int size = entry.representation.body().length
                + (entry.representation.gzipped() == null ? 0 : entry.representation.gzipped().length);
        Cached previous = cache.put(relative, entry);
        cachedBytes.addAndGet(size - (previous == null ? 0 : weight(previous)));
        if (cachedBytes.get() > cacheBudget) {
            evict();
        }
    }

    /** Drops entries in the map's own order until the cache fits: cheap, and a cache this simple needs no recency. */
    private void evict() {
        Iterator<Cached> it = cache.values().iterator();
        while (cachedBytes.get() > cacheBudget * 3 / 4 && it.hasNext()) {
            Cached c = it.next();
            it.remove();
            cachedBytes.addAndGet(-weight(c));
        }
    }

    private static long weight(Cached c) {
        return c.representation.body().length + (c.representation.gzipped() == null ? 0 : c.representation.gzipped().length);
    }

    /** A strong entity tag for the bytes of one file version: a new file gets a new inode, so a new tag. */
    static String etag(FileStamp stamp) {
        return "\"" + Long.toHexString(Math.floorDiv(stamp.mtimeNanos(), 1000)) + "-" + Long.toHexString(stamp.size())
                + "-" + Integer.toHexString(Objects.hashCode(stamp.fileKey())) + "\"";
    }

    private static Streamed open(Path file, FileStamp stamp) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        // The size of the open file, not the path: if the path was replaced after the stat, the stamp is stale.
        if (channel.size() != stamp.size() || !Objects.equals(stamp, FileStamp.ofRegularFile(file))) {
            channel.close();
            return null;
        }
        return new Streamed(channel, stamp);
    }

    private static byte[] read(Path file, FileStamp stamp) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size != stamp.size()) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining()) {
                if (channel.read(buf) < 0) {
                    return null;
                }
            }
            return buf.array();
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
