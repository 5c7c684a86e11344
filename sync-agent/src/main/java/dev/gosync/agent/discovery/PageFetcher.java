package dev.gosync.agent.discovery;

import java.io.IOException;
import java.net.URI;

/** Gets a discovery page ({@code ?go-get=1}); one request per call, redirects followed. */
public interface PageFetcher {
    /**
     * A response of any status.
     *
     * @param url    the URL answered (after redirects), without credentials, for messages
     * @param status the HTTP status code
     * @param body   the body as UTF-8 text
     */
    record Page(String url, int status, String body) {
        /** The status as the go command prints it, such as {@code 404 Not Found}. */
        public String statusLine() {
            return status + " " + HttpStatusText.of(status);
        }
    }

    /**
     * @param insecure whether the certificate need not be valid (GOINSECURE: the go command then
     *                 skips certificate checks for https, and may fall back to http)
     * @throws IOException when no response arrives (connection, TLS, timeout)
     */
    Page get(URI url, boolean insecure) throws IOException;
}
