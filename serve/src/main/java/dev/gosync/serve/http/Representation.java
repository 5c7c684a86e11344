package dev.gosync.serve.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A small response body held in memory with everything its headers need: computed once per file
 * version, then served to every request for it without touching the disk again.
 *
 * @param body        the bytes
 * @param gzipped     the same bytes gzip-compressed, or null when compression would not make them smaller
 * @param contentType the media type
 * @param etag        strong entity tag of {@code body} (the gzip variant gets its own, derived one)
 * @param lastModified seconds since the epoch
 * @param identityHeaders the header lines of a full 200 response with {@code body}, precomputed
 * @param gzipHeaders     the same for {@code gzipped}, or null
 */
record Representation(byte[] body, byte[] gzipped, String contentType, String etag, long lastModified,
        byte[] identityHeaders, byte[] gzipHeaders) {
    static Representation of(byte[] body, boolean text, String contentType, String etag, long lastModified) {
        byte[] gz = text ? gzip(body) : null;
        if (gz != null && gz.length >= body.length) {
            gz = null;
        }
        String common = "Content-Type: " + contentType + "\r\nLast-Modified: " + HttpDates.format(lastModified)
                + "\r\nAccept-Ranges: bytes\r\n" + (gz != null ? "Vary: Accept-Encoding\r\n" : "");
        String identity = common + "ETag: " + etag + "\r\nContent-Length: " + body.length + "\r\n";
        String gzipped = gz == null ? null : common + "ETag: " + gzipEtag(etag) + "\r\nContent-Encoding: gzip\r\n"
                + "Content-Length: " + gz.length + "\r\n";
        return new Representation(body, gz, contentType, etag, lastModified,
                identity.getBytes(StandardCharsets.US_ASCII),
                gzipped == null ? null : gzipped.getBytes(StandardCharsets.US_ASCII));
    }

    /** The entity tag of the gzip variant: a different representation needs a different strong tag. */
    String gzipEtag() {
        return gzipEtag(etag);
    }

    private static String gzipEtag(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 32);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
