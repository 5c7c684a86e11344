package dev.gosync.agent.proxy;

import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.bundle.manifest.Redaction;
import dev.gosync.gomod.store.ModuleNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;

/**
 * GET over http and https with the go command's rules (at most 10 redirects, never from https
 * to http; credentials only where {@link AuthConfig} allows; one more try with re-read
 * credentials after a 401 or 403) and gosync's own bounded retries of transient failures.
 */
final class HttpTransport {
    private static final int MAX_REDIRECTS = 10;
    private static final String USER_AGENT = "gosync";

    /** What to do with the body of a 200 answer; may read it (and then fail transiently) or hand it on. */
    @FunctionalInterface
    interface BodyHandler<T> {
        T handle(BodyStream body) throws IOException;
    }

    private final ProxyClientSettings settings;

    HttpTransport(ProxyClientSettings settings) {
        this.settings = settings;
    }

    /**
     * One answer: status, headers and body. A blocking {@link HttpURLConnection} per request (the
     * JDK keeps connections alive underneath): for an export's many bodies, streamed on the
     * fetching thread, it costs about half the CPU of {@code java.net.http.HttpClient}, whose
     * selector thread hands every buffer to the reader (docs/PERFORMANCE.md). HTTP/1.1 only, also
     * over TLS, where the go command would take HTTP/2 if offered; the bytes are the same.
     */
    private record Exchange(int statusCode, HttpURLConnection connection, InputStream body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(connection.getHeaderField(name));
        }
    }

    /**
     * Fetches {@code request}, retrying transient failures, and hands the 200 body (limited to
     * {@code limit} bytes) to {@code handler}.
     *
     * @throws ModuleNotFoundException on 404 or 410
     * @throws ProxyException on any other failure, after the retries the policy allows
     */
    <T> T get(Request request, long limit, String tooLarge, BodyHandler<T> handler) {
        refuseUserInfoOverInsecureUrl(request);
        RetryPolicy policy = settings.retry();
        for (int attempt = 1; ; attempt++) {
            Failure failure;
            try {
                Exchange response = send(request);
                if (response.statusCode() == 200) {
                    return handler.handle(new BodyStream(response.body(), request.context(), settings.readTimeout(),
                            limit, tooLarge));
                }
                failure = statusFailure(request, response);
            } catch (BodyStream.BodyException e) {
                failure = new Failure(e.getMessage(), 0, e.isTransient(), e);
            } catch (IOException e) {
                failure = new Failure(request.context() + ": " + describe(e), 0, !(e instanceof SSLException), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProxyException(request.context() + ": interrupted", null, request.redactedUrl(), 0, attempt, e);
            }
            if (!failure.isTransient() || attempt >= policy.maxAttempts()) {
                throw failure.toException(request, attempt);
            }
            try {
                policy.pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure.toException(request, attempt);
            }
        }
    }

    /**
     * Sends the request, following redirects; after a 401 or 403, sends it once more if re-read
     * credentials differ from those the server refused. (The go command sends once more after any
     * 4xx over https, even with the same credentials; repeating an identical request, or every
     * 404 of the path probing {@code go get} does, would only double the traffic.)
     */
    private Exchange send(Request request) throws IOException, InterruptedException {
        URI url = request.url();
        Optional<String> sent = credentialsFor(request, url);
        Exchange response = follow(request, sent);
        int status = response.statusCode();
        if ((status == 401 || status == 403) && settings.auth().mayAuthenticate(url)
                && request.base().rawUserInfo().isEmpty()) {
            Optional<String> fresh = settings.auth().credentials().refreshedAuthorization(url);
            if (fresh.isPresent() && !fresh.equals(sent)) {
                response.body().close();
                response = follow(request, fresh);
            }
        }
        return response;
    }

    /** Sends the request with {@code credentials}, then follows redirects, each hop with its own credentials. */
    private Exchange follow(Request request, Optional<String> credentials) throws IOException, InterruptedException {
        URI url = request.url();
        Optional<String> authorization = credentials;
        for (int redirects = 0; ; redirects++) {
            Exchange response = exchange(url, authorization);
            Optional<String> location = response.header("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            response.body().close();
            if (redirects == MAX_REDIRECTS) {
                throw fatal(request, "stopped after " + MAX_REDIRECTS + " redirects", response.statusCode());
            }
            url = redirectTarget(request, url, location.get());
            authorization = credentialsFor(request, url);
        }
    }

    /** One GET of url, without following redirects: connected, sent, and its status and headers read. */
    private Exchange exchange(URI url, Optional<String> authorization) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(settings.sslContext().getSocketFactory());
        }
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(timeoutMillis(settings.connectTimeout()));
        connection.setReadTimeout(timeoutMillis(settings.readTimeout()));
        connection.setRequestProperty("User-Agent", USER_AGENT);
        // Not the JDK's default list of image types.
        connection.setRequestProperty("Accept", "*/*");
        authorization.ifPresent(value -> connection.setRequestProperty("Authorization", value));
        try {
            connection.connect();
        } catch (SocketTimeoutException e) {
            throw timeout(new HttpConnectTimeoutException(e.getMessage()), e);
        }
        int status;
        try {
            status = connection.getResponseCode();
        } catch (SocketTimeoutException e) {
            connection.disconnect();
            throw timeout(new HttpTimeoutException(e.getMessage()), e);
        }
        if (status < 0) {
            connection.disconnect();
            throw new IOException("the answer is not HTTP");
        }
        InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (body == null) {
            body = InputStream.nullInputStream();
        }
        long length = connection.getContentLengthLong();
        return new Exchange(status, connection, length >= 0 ? new WholeBody(body, length) : body);
    }

    /**
     * A body with a Content-Length: {@link HttpURLConnection} ends such a stream quietly when the
     * connection closes early, so the shortfall is reported here, as a transport failure that
     * another attempt may cure.
     */
    private static final class WholeBody extends FilterInputStream {
        private final long length;
        private long count;

        WholeBody(InputStream in, long length) {
            super(in);
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                checkComplete();
            } else {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0 && len > 0) {
                checkComplete();
            } else if (n > 0) {
                count += n;
            }
            return n;
        }

        private void checkComplete() throws IOException {
            if (count < length) {
                throw new IOException("the connection closed after " + count + " of " + length + " bytes");
            }
        }
    }

    private static <E extends IOException> E timeout(E described, IOException cause) {
        described.initCause(cause);
        return described;
    }

    private static int timeoutMillis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    private URI redirectTarget(Request request, URI from, String location) {
        URI to;
        try {
            to = from.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw fatal(request, "redirected to an invalid URL", 0);
        }
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw fatal(request, "redirected to a URL that is not http or https: " + Redaction.redact(to.toString()), 0);
        }
        if (from.getScheme().equals("https") && !scheme.equals("https")) {
            throw fatal(request, "redirected from secure URL " + Redaction.redact(from.toString())
                    + " to insecure URL " + Redaction.redact(to.toString()), 0);
        }
        if (to.getHost() == null) {
            throw fatal(request, "redirected to a URL without a host", 0);
        }
        // Credentials in a Location header are not honoured; the request goes out without them.
        String port = to.getPort() >= 0 ? ":" + to.getPort() : "";
        String path = to.getRawPath() == null ? "" : to.getRawPath();
        String query = to.getRawQuery() == null ? "" : "?" + to.getRawQuery();
        return URI.create(scheme + "://" + to.getHost() + port + path + query);
    }

    /**
     * The Authorization header for one hop: the proxy URL's user info on the proxy's own origin,
     * otherwise whatever the credential provider has for that URL; nothing where credentials may
     * not go.
     */
    private Optional<String> credentialsFor(Request request, URI hop) {
        AuthConfig auth = settings.auth();
        if (!auth.mayAuthenticate(hop)) {
            return Optional.empty();
        }
        Optional<String> userInfo = request.base().rawUserInfo();
        if (userInfo.isPresent() && sameOrigin(hop, request.url())) {
            return Optional.of(basic(userInfo.get()));
        }
        return auth.credentials().authorization(hop);
    }

    /** The go command refuses to send a proxy URL's credentials over plain http; so does gosync. */
    private void refuseUserInfoOverInsecureUrl(Request request) {
        if (request.base().rawUserInfo().isPresent() && !settings.auth().mayAuthenticate(request.url())) {
            throw new ProxyException(request.subject() + ": refusing to pass credentials to insecure URL: "
                    + request.redactedUrl(),
                    "use an https proxy URL for credentials, or remove the user info from the proxy URL",
                    request.redactedUrl(), 0, 0, null);
        }
    }

    private Failure statusFailure(Request request, Exchange response) {
        int status = response.statusCode();
        String detail;
        try (InputStream body = response.body()) {
            detail = ErrorDetail.read(response.header("Content-Type"),
                    new BodyStream(body, request.context(), settings.readTimeout(), Long.MAX_VALUE, ""));
        } catch (IOException e) {
            // The status already says what matters; a body cut short only loses the explanation.
            detail = "";
        }
        String message = request.context() + ": " + StatusText.of(status);
        if (!detail.isEmpty()) {
            message += "\n\tserver response:" + (detail.contains("\n") ? "\n\t" : " ") + detail;
        }
        if (status == 404 || status == 410) {
            throw new ModuleNotFoundException(message);
        }
        return new Failure(message, status, status >= 500, null);
    }

    private ProxyException fatal(Request request, String problem, int status) {
        return new ProxyException(request.context() + ": " + problem, null, request.redactedUrl(), status, 1, null);
    }

    /** Java's words for a transport failure, made readable; timeouts name the limit that was hit. */
    private String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "could not connect within " + Durations.format(settings.connectTimeout()) + " (connect timeout)";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + Durations.format(settings.readTimeout()) + " (read timeout)";
        }
        return describeTransport(e);
    }

    /** A transport failure in words, without naming timeouts (see {@link BodyStream}). */
    static String describeTransport(IOException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? null : e.getMessage();
        if (e instanceof ConnectException) {
            return "cannot connect" + (message == null ? "" : ": " + message);
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && Objects.equals(host(a), host(b)) && port(a) == port(b);
    }

    private static String host(URI u) {
        return u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Basic credentials from URL user info, percent-decoded as Go's url.User does ({@code +} stays a plus). */
    private static String basic(String rawUserInfo) {
        int colon = rawUserInfo.indexOf(':');
        String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
        String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
        String pair = percentDecode(user) + ":" + percentDecode(password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String percentDecode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** One failed attempt, and whether another might succeed. */
    private record Failure(String message, int status, boolean isTransient, Throwable cause) {
        ProxyException toException(Request request, int attempts) {
            String text = attempts > 1 ? message + "\n\t(gave up after " + attempts + " attempts)" : message;
            return new ProxyException(text, remedy(status, isTransient), request.redactedUrl(), status, attempts, cause);
        }

        private static String remedy(int status, boolean isTransient) {
            if (status == 401 || status == 403) {
                return "check the credentials for this proxy: they come from the user info of the proxy URL or from "
                        + ".netrc (GOAUTH=netrc), and go out only over https";
            }
            if (isTransient) {
                return "the proxy or the network failed; try again later, or add a fallback after '|' in GOPROXY";
            }
            return null;
        }
    }
}
