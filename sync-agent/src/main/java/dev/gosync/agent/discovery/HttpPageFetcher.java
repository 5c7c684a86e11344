package dev.gosync.agent.discovery;

import dev.gosync.agent.auth.AuthConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Discovery pages over the JDK's HTTP client: redirects followed except from https to http,
 * credentials (GOAUTH, .netrc) only over https, sent again from a fresh read after a 4xx as the
 * go command does. Pages are read up to {@value #MAX_BODY} bytes.
 */
public final class HttpPageFetcher implements PageFetcher {
    private static final int MAX_BODY = 1 << 20;

    private final HttpClient secure;
    private final HttpClient insecure;
    private final AuthConfig auth;
    private final Duration timeout;
    private final UnaryOperator<URI> connectTo;

    /**
     * @param sslContext the trusted certificates for https
     * @param auth       which credentials go out
     * @param timeout    the longest wait for a connection and for the answer
     * @param connectTo  where a URL's request really goes (the identity outside tests, which point
     *                   a host name at a server on 127.0.0.1); messages show the original URL
     */
    public HttpPageFetcher(SSLContext sslContext, AuthConfig auth, Duration timeout, UnaryOperator<URI> connectTo) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.connectTo = Objects.requireNonNull(connectTo, "connectTo");
        this.secure = client(sslContext, timeout);
        this.insecure = client(trustingEverything(), timeout);
    }

    @Override
    public Page get(URI url, boolean skipVerify) throws IOException {
        HttpClient client = skipVerify && url.getScheme().equals("https") ? insecure : secure;
        boolean mayAuthenticate = auth.mayAuthenticate(url);
        Optional<String> authorization = mayAuthenticate ? auth.credentials().authorization(url) : Optional.empty();
        Answer response = send(client, url, authorization);
        if (mayAuthenticate && response.status() >= 400 && response.status() < 500) {
            Optional<String> refreshed = auth.credentials().refreshedAuthorization(url);
            if (refreshed.isPresent()) {
                response = send(client, url, refreshed);
            }
        }
        URI answered = response.uri().equals(connectTo.apply(url)) ? url : response.uri();
        return new Page(withoutUserInfo(answered), response.status(), new String(response.body(), StandardCharsets.UTF_8));
    }

    private Answer send(HttpClient client, URI url, Optional<String> authorization) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(connectTo.apply(url)).timeout(timeout).GET()
                .header("User-Agent", "gosync");
        authorization.ifPresent(a -> request.header("Authorization", a));
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return new Answer(response.statusCode(), response.uri(), in.readNBytes(MAX_BODY));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String withoutUserInfo(URI u) {
        if (u.getRawUserInfo() == null) {
            return u.toString();
        }
        return u.getScheme() + "://" + u.getRawAuthority().substring(u.getRawAuthority().indexOf('@') + 1)
                + (u.getRawPath() == null ? "" : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    private static HttpClient client(SSLContext context, Duration timeout) {
        return HttpClient.newBuilder().sslContext(context).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** For GOINSECURE hosts only: the go command then accepts any certificate over https. */
    private static SSLContext trustingEverything() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptingTrustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no TLS", e);
        }
    }

    private static final class AcceptingTrustManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** A response whose body has been read, bounded. */
    private record Answer(int status, URI uri, byte[] body) {
    }
}
