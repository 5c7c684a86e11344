package dev.gosync.agent.cache;

import java.io.InputStream;

/**
 * The bytes of a file the cache handed out.
 *
 * @param stream the bytes; the caller closes it
 * @param digested whether these are the very bytes whose SHA-256 the {@link CachedFile} carries,
 *     read moments before (or held in memory since) and unchanged since by the file's
 *     {@link FileStamp}: a copy need not hash them again. False when that cannot be told.
 */
public record FileContent(InputStream stream, boolean digested) {
}
