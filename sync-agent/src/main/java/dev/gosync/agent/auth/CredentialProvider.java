package dev.gosync.agent.auth;

import java.net.URI;
import java.util.Optional;

/**
 * Supplies the {@code Authorization} header for a request URL. Callers decide whether the URL may
 * carry credentials at all ({@link AuthConfig#mayAuthenticate}); a provider only says which.
 */
public interface CredentialProvider {
    /** A provider that never has credentials (GOAUTH=off). */
    CredentialProvider NONE = new CredentialProvider() {
        @Override
        public Optional<String> authorization(URI url) {
            return Optional.empty();
        }

        @Override
        public Optional<String> refreshedAuthorization(URI url) {
            return Optional.empty();
        }
    };

    /** The header value for {@code url}, from what the provider has read so far. */
    Optional<String> authorization(URI url);

    /**
     * The header value for {@code url} after reading the sources again, used once when a server
     * refused a request (401 or 403) so that credentials changed in the meantime are picked up.
     */
    Optional<String> refreshedAuthorization(URI url);
}
