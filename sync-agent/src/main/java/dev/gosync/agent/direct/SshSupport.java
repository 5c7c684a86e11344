package dev.gosync.agent.direct;

import java.nio.file.Path;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * ssh for direct mode through JGit's Apache MINA support, set up as OpenSSH users expect: the
 * keys, {@code config} and {@code known_hosts} of the user's {@code ~/.ssh}. gosync never prompts,
 * so a host missing from known_hosts (or with a changed key) is refused, as is a key that needs a
 * passphrase; an ssh agent is not used.
 */
final class SshSupport {
    private SshSupport() {
    }

    /**
     * @param home   the user's home directory
     * @param sshDir the ssh directory, normally {@code home/.ssh}
     */
    static SshSessionFactory sessionFactory(Path home, Path sshDir) {
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(sshDir.toFile())
                .build(new JGitKeyCache());
    }
}
