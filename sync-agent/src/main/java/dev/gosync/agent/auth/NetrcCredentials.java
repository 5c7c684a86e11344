package dev.gosync.agent.auth;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * GOAUTH=netrc: credentials from a {@code .netrc} file, read on first use and again on
 * {@link #refreshedAuthorization}. A file that cannot be read gives no credentials, as in the go
 * command, which mentions such errors only in its {@code -x} trace.
 */
public final class NetrcCredentials implements CredentialProvider {
    private final Path file;
    private Netrc netrc;

    public NetrcCredentials(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<String> authorization(URI url) {
        if (netrc == null) {
            netrc = load();
        }
        return netrc.authorization(key(url));
    }

    @Override
    public synchronized Optional<String> refreshedAuthorization(URI url) {
        netrc = load();
        return netrc.authorization(key(url));
    }

    /**
     * The go command matches {@code .netrc} machines against the request URL with its scheme
     * removed: {@code host[:port]/escaped/path[?query]}.
     */
    static String key(URI url) {
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getRawAuthority() + path + query;
    }

    private Netrc load() {
        try {
            return Netrc.read(file);
        } catch (IOException e) {
            return Netrc.EMPTY;
        }
    }
}
