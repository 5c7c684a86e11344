package dev.gosync.agent.proxy;

import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.bundle.manifest.Redaction;
import dev.gosync.gomod.store.ModuleNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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

    private final HttpClient client;
    private final ProxyClientSettings settings;

    HttpTransport(ProxyClientSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .sslContext(settings.sslContext())
                .build();
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
                HttpResponse<InputStream> response = send(request);
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
    private HttpResponse<InputStream> send(Request request) throws IOException, InterruptedException {
        URI url = request.url();
        Optional<String> sent = credentialsFor(request, url);
        HttpResponse<InputStream> response = follow(request, sent);
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
    private HttpResponse<InputStream> follow(Request request, Optional<String> credentials)
            throws IOException, InterruptedException {
        URI url = request.url();
        Optional<String> authorization = credentials;
        for (int redirects = 0; ; redirects++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                    .GET()
                    .timeout(settings.readTimeout())
                    .header("User-Agent", USER_AGENT);
            if (url.getScheme().equals("http")) {
                // As the go command: HTTP/2 only where TLS negotiates it, never an h2c upgrade.
                builder.version(HttpClient.Version.HTTP_1_1);
            }
            authorization.ifPresent(value -> builder.header("Authorization", value));
            HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            Optional<String> location = response.headers().firstValue("Location");
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

    private Failure statusFailure(Request request, HttpResponse<InputStream> response) {
        int status = response.statusCode();
        String detail;
        try (InputStream body = response.body()) {
            detail = ErrorDetail.read(response.headers().firstValue("Content-Type"),
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
