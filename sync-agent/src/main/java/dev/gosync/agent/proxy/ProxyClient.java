package dev.gosync.agent.proxy;

import java.io.InputStream;

/**
 * The shared machinery behind {@link ProxySource}s: one HTTP client (connection pool, TLS
 * configuration) and one set of {@link ProxyClientSettings} for every proxy of a chain.
 */
public final class ProxyClient {
    private final ProxyClientSettings settings;
    private final HttpTransport http;
    private final FileTransport files;

    private ProxyClient(ProxyClientSettings settings) {
        this.settings = settings;
        this.http = new HttpTransport(settings);
        this.files = new FileTransport(settings.readTimeout());
    }

    public static ProxyClient create(ProxyClientSettings settings) {
        return new ProxyClient(settings);
    }

    public ProxyClientSettings settings() {
        return settings;
    }

    /** A source reading from the proxy at {@code url} through this client. */
    public ProxySource source(ProxyUrl url) {
        return new ProxySource(this, url);
    }

    /** The body of {@code request}, streamed; at most {@code limit} bytes are accepted. */
    InputStream open(Request request, long limit, String tooLarge) {
        if (request.base().isFile()) {
            return files.open(request, limit, tooLarge);
        }
        return http.get(request, limit, tooLarge, body -> body);
    }

    /** The whole body of {@code request}, read inside the retry loop so that a body cut short is fetched again. */
    byte[] read(Request request, long limit, String tooLarge) {
        if (request.base().isFile()) {
            return files.read(request, limit, tooLarge);
        }
        return http.get(request, limit, tooLarge, body -> {
            try (body) {
                return body.readAllBytes();
            }
        });
    }
}
