package dev.gosync.agent.gitremote;

import dev.gosync.agent.auth.AuthConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;

/**
 * How gosync authenticates to git servers.
 *
 * <ul>
 *   <li>https: the {@code Authorization} header the GOAUTH / .netrc configuration gives for the
 *       repository URL (basic credentials or a token), sent only where {@link AuthConfig} allows
 *       (https, or plain http to loopback when asked for), and only to the repository's own host
 *       even when the server redirects elsewhere; never asked for interactively.
 *   <li>ssh: the user's keys and known_hosts through JGit's Apache MINA support, when a session
 *       factory is given.
 * </ul>
 *
 * Credentials never appear in messages: see {@link Redactor}.
 *
 * @param auth timeouts aside, which credentials go out
 * @param ssh  the ssh session factory, or empty to refuse ssh URLs with a clear error
 * @param timeoutSeconds the longest silence on a connection
 */
public record RemoteAccess(AuthConfig auth, Optional<SshSessionFactory> ssh, int timeoutSeconds) {
    /** No credentials and no ssh; 60 s timeouts. */
    public static RemoteAccess anonymous() {
        return new RemoteAccess(AuthConfig.none(), Optional.empty(), 60);
    }

    /** Applies this configuration to a transport about to be used. */
    void configure(Transport transport) {
        transport.setTimeout(timeoutSeconds);
        transport.setCredentialsProvider(NO_PROMPTS);
        if (transport instanceof TransportHttp http) {
            URIish repository = transport.getURI();
            if (authorization(repository).isPresent()) {
                // Not a static additional header: JGit would send that to any host a redirect names.
                http.setHttpConnectionFactory(new HostBoundAuthorization(http.getHttpConnectionFactory(),
                        repository.getHost(), this::authorization));
            }
        }
        if (transport instanceof SshTransport sshTransport) {
            ssh.ifPresent(sshTransport::setSshSessionFactory);
        }
    }

    /** The header value for the repository URL, if one may and can be sent. */
    Optional<String> authorization(URIish uri) {
        URI u;
        try {
            u = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return authorization(u);
    }

    private Optional<String> authorization(URI u) {
        return auth.mayAuthenticate(u) ? auth.credentials().authorization(u) : Optional.empty();
    }

    /** Answers no question: gosync runs unattended, and a prompt would hang it. */
    private static final CredentialsProvider NO_PROMPTS = new CredentialsProvider() {
        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public boolean supports(CredentialItem... items) {
            return false;
        }

        @Override
        public boolean get(URIish uri, CredentialItem... items) {
            return false;
        }
    };
}
