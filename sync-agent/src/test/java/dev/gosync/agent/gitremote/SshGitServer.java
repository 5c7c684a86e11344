package dev.gosync.agent.gitremote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * An ssh git server on 127.0.0.1 (Apache MINA sshd, JGit's upload-pack): serves the bare
 * repositories under a directory for {@code git-upload-pack '/<name>'}, to clients whose public
 * key is in the given authorized_keys file, with the given host key.
 */
public final class SshGitServer implements AutoCloseable {
    private final SshServer server;

    public SshGitServer(Path repositories, Path hostKey, Path authorizedKeys) {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> new UploadPackCommand(repositories, command));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code git-upload-pack '/name'} on one repository; anything else fails. */
    private static final class UploadPackCommand implements Command {
        private final Path repositories;
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        UploadPackCommand(Path repositories, String command) {
            this.repositories = repositories;
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread t = new Thread(this::run, "ssh-upload-pack");
            t.setDaemon(true);
            t.start();
        }

        private void run() {
            List<String> words = org.apache.sshd.server.command.CommandFactory.split(command);
            if (words.size() != 2 || !words.get(0).equals("git-upload-pack")) {
                exit.onExit(127, "unsupported command");
                return;
            }
            String name = words.get(1).replace("'", "").replaceFirst("^/+", "");
            try (Repository repo = new FileRepositoryBuilder().setGitDir(repositories.resolve(name).toFile())
                    .setMustExist(true).build()) {
                new UploadPack(repo).upload(in, out, err);
                out.flush();
                exit.onExit(0);
            } catch (IOException | RuntimeException e) {
                exit.onExit(1, String.valueOf(e.getMessage()));
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
            // The upload thread ends with its streams.
        }
    }
}
