package dev.gosync.agent.discovery;

import dev.gosync.agent.auth.AuthConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Discovery pages over the JDK's HTTP client: redirects followed by hand as the go command does
 * (except from https to http; credentials kept only while the hops stay on the first host or its
 * subdomains), credentials (GOAUTH, .netrc) only over https, sent again from a fresh read after a
 * 4xx as the go command does. Pages are read up to {@value #MAX_BODY} bytes.
 */
public final class HttpPageFetcher implements PageFetcher {
    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_REDIRECTS = 10;

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
        boolean insecureHttps = skipVerify && url.getScheme().equals("https");
        HttpClient client = insecureHttps ? insecure : secure;
        boolean mayAuthenticate = auth.mayAuthenticate(url);
        Optional<String> authorization = mayAuthenticate ? auth.credentials().authorization(url) : Optional.empty();
        Answer response = follow(client, url, authorization, !insecureHttps);
        if (mayAuthenticate && response.status() >= 400 && response.status() < 500) {
            Optional<String> refreshed = auth.credentials().refreshedAuthorization(url);
            if (refreshed.isPresent()) {
                response = follow(client, url, refreshed, !insecureHttps);
            }
        }
        return new Page(withoutUserInfo(response.uri()), response.status(), new String(response.body(), StandardCharsets.UTF_8));
    }

    /**
     * Sends the request and follows redirects by hand, as the go command's client does: at most
     * {@value #MAX_REDIRECTS}, never from https to http unless the first URL is a GOINSECURE https
     * URL, and the credentials of the first request only to hops whose host is the first host or
     * a subdomain of it (any port); once a hop leaves, later hops get none even when they come
     * back. Credentials also never go where {@link AuthConfig} forbids them (plain http).
     */
    private Answer follow(HttpClient client, URI first, Optional<String> authorization, boolean refuseDowngrade)
            throws IOException {
        URI url = first;
        boolean keepCredentials = authorization.isPresent();
        for (int redirects = 0; ; redirects++) {
            Optional<String> sent = keepCredentials && auth.mayAuthenticate(url) ? authorization : Optional.empty();
            Answer answer = send(client, url, sent);
            if (!isRedirect(answer.status()) || answer.location().isEmpty()) {
                return answer;
            }
            if (redirects == MAX_REDIRECTS) {
                throw new IOException("stopped after " + MAX_REDIRECTS + " redirects");
            }
            URI next = redirectTarget(url, answer.location().get());
            if (refuseDowngrade && first.getScheme().equals("https") && !next.getScheme().equals("https")) {
                throw new IOException("redirected from secure URL " + withoutUserInfo(url) + " to insecure URL "
                        + withoutUserInfo(next));
            }
            keepCredentials = keepCredentials && isDomainOrSubdomain(next.getHost(), first.getHost());
            url = next;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The next hop, resolved against the URL as the user sees it (not where tests route it). */
    private static URI redirectTarget(URI from, String location) throws IOException {
        URI to;
        try {
            to = from.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("redirected to an invalid URL", e);
        }
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || to.getHost() == null) {
            throw new IOException("redirected to a URL that is not http or https: " + withoutUserInfo(to));
        }
        // User info in a Location header is never honoured: the hop goes out without it.
        String port = to.getPort() >= 0 ? ":" + to.getPort() : "";
        String path = to.getRawPath() == null ? "" : to.getRawPath();
        String query = to.getRawQuery() == null ? "" : "?" + to.getRawQuery();
        return URI.create(scheme + "://" + to.getHost() + port + path + query);
    }

    /** Whether {@code host} is {@code parent} or a name under it; IP literals only match exactly. */
    static boolean isDomainOrSubdomain(String host, String parent) {
        if (host == null || parent == null) {
            return false;
        }
        String sub = host.toLowerCase(Locale.ROOT);
        String top = parent.toLowerCase(Locale.ROOT);
        if (sub.equals(top)) {
            return true;
        }
        if (sub.contains(":") || sub.contains("%")) {
            return false;
        }
        return sub.endsWith("." + top);
    }

    private Answer send(HttpClient client, URI url, Optional<String> authorization) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(connectTo.apply(url)).timeout(timeout).GET()
                .header("User-Agent", "gosync");
        authorization.ifPresent(a -> request.header("Authorization", a));
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = isRedirect(response.statusCode()) ? new byte[0] : in.readNBytes(MAX_BODY);
                return new Answer(response.statusCode(), url, response.headers().firstValue("Location"), body);
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
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
    private record Answer(int status, URI uri, Optional<String> location, byte[] body) {
    }
}
