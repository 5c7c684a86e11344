package dev.gosync.agent.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.gitremote.RemoteGitException;
import dev.gosync.agent.gitremote.SshGitServer;
import dev.gosync.fixtures.ExternalTool;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.git.GitFile;
import dev.gosync.fixtures.git.GitRepoBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct mode over ssh, as an OpenSSH user has it set up: an ssh git server on 127.0.0.1, reached
 * through {@code insteadOf}, the user's key in {@code ~/.ssh} and the server's host key in
 * {@code ~/.ssh/known_hosts}. Without the known_hosts entry, or with a key the server does not
 * know, the fetch fails without asking anyone.
 */
class DirectSshTest {
    private static final String MODULE = "github.com/gosync-ssh/repo";

    @TempDir
    static Path tmp;
    static ExternalTool sshKeygen;
    static SshGitServer server;
    static String hostKeyLine;

    @BeforeAll
    static void serve() throws IOException {
        sshKeygen = ExternalTool.require("ssh-keygen");
        try (GitRepoBuilder b = GitRepoBuilder.init(tmp.resolve("git/repo"))) {
            b.commit("c1", ZonedDateTime.of(2024, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC),
                    GitFile.text("go.mod", "module " + MODULE + "\n\ngo 1.22\n"), GitFile.text("r.go", "package repo\n"))
                    .tag("v1.0.0").tag("v1.1.0");
        }
        Path keys = Files.createDirectories(tmp.resolve("keys"));
        Path hostKey = keygen(keys, "host");
        Path userKey = keygen(keys, "user");
        Files.copy(Path.of(userKey + ".pub"), keys.resolve("authorized_keys"));
        server = new SshGitServer(tmp.resolve("git"), hostKey, keys.resolve("authorized_keys"));
        String[] pub = Files.readString(Path.of(hostKey + ".pub")).strip().split(" ");
        hostKeyLine = "[127.0.0.1]:" + server.port() + " " + pub[0] + " " + pub[1] + "\n";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Path keygen(Path dir, String name) {
        Path key = dir.resolve(name);
        sshKeygen.run(dir, null, "-q", "-t", "ed25519", "-N", "", "-C", name + "@test", "-f", key.toString()).orThrow();
        return key;
    }

    /** A user whose ~/.ssh holds {@code key} (if any) and {@code knownHosts}. */
    private static DirectSource user(String name, String key, String knownHosts) throws IOException {
        GoSandbox user = GoSandbox.create(tmp.resolve(name));
        Path ssh = Files.createDirectories(user.root().resolve("home/.ssh"));
        if (key != null) {
            Files.copy(tmp.resolve("keys").resolve(key), ssh.resolve("id_ed25519"));
        }
        Files.writeString(ssh.resolve("known_hosts"), knownHosts);
        Files.writeString(user.root().resolve("gitconfig"), "[url \"ssh://git@127.0.0.1:" + server.port()
                + "/\"]\n\tinsteadOf = https://github.com/gosync-ssh/\n");
        return SandboxDirect.open(user, tmp.resolve(name + "-work"));
    }

    @Test
    void theUsersKeyAndKnownHostsOpenTheRepository() throws IOException {
        try (DirectSource direct = user("trusted", "user", hostKeyLine)) {
            assertEquals(List.of("v1.0.0", "v1.1.0"), direct.versions(MODULE));
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedWithoutAsking() throws IOException {
        try (DirectSource direct = user("stranger", "user", "")) {
            RemoteGitException e = assertThrows(RemoteGitException.class, () -> direct.versions(MODULE));
            assertTrue(e.getMessage().startsWith(MODULE + ": cannot fetch https://github.com/gosync-ssh/repo (rewritten to"
                    + " ssh://127.0.0.1:" + server.port() + "/repo)"), e.getMessage());
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused() throws IOException {
        try (DirectSource direct = user("impostor", "host", hostKeyLine)) {
            RemoteGitException e = assertThrows(RemoteGitException.class, () -> direct.versions(MODULE));
            assertFalse(e.getMessage().contains("PRIVATE KEY"), e.getMessage());
        }
    }
}
