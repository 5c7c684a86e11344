package dev.gosync.agent.proxy;

import dev.gosync.agent.auth.AuthConfig;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a {@link ProxyClient} talks to proxies.
 *
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout    the longest wait for the answer's headers, and then between any two
 *                       reads of its body
 * @param retry          when failed requests are sent again
 * @param auth           which credentials go out, and over which connections
 * @param sslContext     the TLS configuration (trusted certificates) for https proxies
 */
public record ProxyClientSettings(Duration connectTimeout, Duration readTimeout, RetryPolicy retry, AuthConfig auth,
                                  SSLContext sslContext) {
    public ProxyClientSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(sslContext, "sslContext");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + connectTimeout + ", " + readTimeout);
        }
    }

    /**
     * 30 s to connect, 60 s of silence before a read gives up, {@link RetryPolicy#standard()}, no
     * credentials, the JVM's default trust store.
     */
    public static ProxyClientSettings defaults() {
        try {
            return new ProxyClientSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), RetryPolicy.standard(),
                    AuthConfig.none(), SSLContext.getDefault());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no default TLS context", e);
        }
    }

    public ProxyClientSettings withConnectTimeout(Duration timeout) {
        return new ProxyClientSettings(timeout, readTimeout, retry, auth, sslContext);
    }

    public ProxyClientSettings withReadTimeout(Duration timeout) {
        return new ProxyClientSettings(connectTimeout, timeout, retry, auth, sslContext);
    }

    public ProxyClientSettings withRetry(RetryPolicy policy) {
        return new ProxyClientSettings(connectTimeout, readTimeout, policy, auth, sslContext);
    }

    public ProxyClientSettings withAuth(AuthConfig config) {
        return new ProxyClientSettings(connectTimeout, readTimeout, retry, config, sslContext);
    }

    public ProxyClientSettings withSslContext(SSLContext context) {
        return new ProxyClientSettings(connectTimeout, readTimeout, retry, auth, context);
    }
}
