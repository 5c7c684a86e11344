package dev.gosync.agent.gitremote;

import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;

/**
 * Puts the {@code Authorization} header on each of JGit's http connections that goes to the
 * repository's own host, and on no other. JGit follows a server's redirects itself and would send
 * a static additional header to wherever they point; opening every connection through this
 * factory keeps the credentials on the host they were given for (and off plain http, since the
 * header is asked for again per connection URL).
 */
final class HostBoundAuthorization implements HttpConnectionFactory2 {
    private final HttpConnectionFactory delegate;
    private final String host;
    private final Function<URI, Optional<String>> authorization;

    /**
     * @param delegate      the factory JGit would use
     * @param host          the repository URL's host
     * @param authorization the header value for a connection URL, empty where none may go
     */
    HostBoundAuthorization(HttpConnectionFactory delegate, String host, Function<URI, Optional<String>> authorization) {
        this.delegate = delegate;
        this.host = host.toLowerCase(Locale.ROOT);
        this.authorization = authorization;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return authorized(url, delegate.create(url));
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        return authorized(url, delegate.create(url, proxy));
    }

    @Override
    public GitSession newSession() {
        if (delegate instanceof HttpConnectionFactory2 sessions) {
            return sessions.newSession();
        }
        return new GitSession() {
            @Override
            public HttpConnection configure(HttpConnection connection, boolean sslVerify) {
                return connection;
            }

            @Override
            public void close() {
            }
        };
    }

    private HttpConnection authorized(URL url, HttpConnection connection) {
        if (url.getHost() != null && url.getHost().toLowerCase(Locale.ROOT).equals(host)) {
            try {
                authorization.apply(url.toURI()).ifPresent(a -> connection.setRequestProperty("Authorization", a));
            } catch (URISyntaxException e) {
                // A URL that is no URI gets no credentials.
            }
        }
        return connection;
    }
}
