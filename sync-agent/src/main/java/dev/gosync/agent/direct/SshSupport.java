package dev.gosync.agent.direct;

import java.util.Optional;
import org.eclipse.jgit.transport.SshSessionFactory;

/** The ssh setup direct mode uses for {@code ssh://} repositories. */
final class SshSupport {
    private SshSupport() {
    }

    static Optional<SshSessionFactory> userSessionFactory() {
        return Optional.empty();
    }
}
