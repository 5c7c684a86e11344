package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.agent.auth.CredentialProvider;
import dev.gosync.agent.auth.NetrcCredentials;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyAuthTest {
    private static final ModuleVersion M = new ModuleVersion("example.com/m", "v1.0.0");
    private static final String INFO = "/example.com/m/@v/v1.0.0.info";

    @TempDir
    Path tmp;

    private UpstreamProxy upstream;
    private String hostPort;

    @BeforeEach
    void start() {
        upstream = UpstreamProxy.serve(new ProxyDir(tmp.resolve("proxy")).module(M.path(), M.version()).root())
                .requireAuthorization(basic("alice", "s3cret"));
        hostPort = upstream.url().substring("http://".length());
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private ProxySource source(String url, AuthConfig auth) {
        ProxyClientSettings settings = ProxyClientSettings.defaults().withRetry(RetryPolicy.none()).withAuth(auth);
        return ProxyClient.create(settings).source(ProxyUrl.parse(url));
    }

    private Path netrc(String content) throws IOException {
        Path file = tmp.resolve("netrc");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void netrcCredentialsReachTheServerOverLoopbackWhenAllowed() throws IOException {
        Path file = netrc("machine " + hostPort + " login alice password s3cret\n");
        AuthConfig auth = new AuthConfig(new NetrcCredentials(file), false).allowingPlainHttpToLoopback();
        assertEquals("v1.0.0", source(upstream.url(), auth).info(M).version());
        assertEquals(1, upstream.count(INFO));
    }

    @Test
    void netrcMachineWithoutThePortDoesNotMatch() throws IOException {
        Path file = netrc("machine 127.0.0.1 login alice password s3cret\n");
        AuthConfig auth = new AuthConfig(new NetrcCredentials(file), true);
        ProxyException e = assertThrows(ProxyException.class, () -> source(upstream.url(), auth).info(M));
        assertEquals(401, e.status());
    }

    @Test
    void credentialsNeverGoOverPlainHttpByDefault() throws IOException {
        Path file = netrc("machine " + hostPort + " login alice password s3cret\n");
        ProxyException e = assertThrows(ProxyException.class,
                () -> source(upstream.url(), new AuthConfig(new NetrcCredentials(file), false)).info(M));
        assertEquals(401, e.status());
        assertTrue(e.remedy().contains("https"), e.remedy());
    }

    @Test
    void userInfoOfTheProxyUrlIsSentAsBasicCredentials() {
        String url = "http://alice:s3cret@" + hostPort;
        assertEquals("v1.0.0", source(url, AuthConfig.none().allowingPlainHttpToLoopback()).info(M).version());
    }

    @Test
    void userInfoIsPercentDecodedWithPlusKept() {
        upstream.requireAuthorization(basic("al ice", "s+e:c"));
        String url = "http://al%20ice:s+e%3Ac@" + hostPort;
        assertEquals("v1.0.0", source(url, AuthConfig.none().allowingPlainHttpToLoopback()).info(M).version());
    }

    @Test
    void userInfoOverPlainHttpIsRefusedWithoutSendingAnything() {
        String url = "http://alice:s3cret@" + hostPort;
        ProxyException e = assertThrows(ProxyException.class, () -> source(url, AuthConfig.none()).info(M));
        assertEquals("example.com/m@v1.0.0: refusing to pass credentials to insecure URL: " + upstream.url() + INFO,
                e.getMessage());
        assertEquals(0, e.attempts());
        assertEquals(List.of(), upstream.requests());
    }

    @Test
    void refusedCredentialsAreReplacedOnceByFreshOnes() {
        List<String> handedOut = new ArrayList<>();
        CredentialProvider rotating = new CredentialProvider() {
            @Override
            public Optional<String> authorization(URI url) {
                handedOut.add("stale");
                return Optional.of(basic("alice", "old"));
            }

            @Override
            public Optional<String> refreshedAuthorization(URI url) {
                handedOut.add("fresh");
                return Optional.of(basic("alice", "s3cret"));
            }
        };
        ProxySource source = source(upstream.url(), new AuthConfig(rotating, true));
        assertEquals("v1.0.0", source.info(M).version());
        assertEquals(2, upstream.count(INFO));
        assertEquals(List.of("stale", "fresh"), handedOut);
    }

    @Test
    void unchangedCredentialsAreNotSentAgainAfterARefusal() throws IOException {
        Path file = netrc("machine " + hostPort + " login alice password wrong\n");
        ProxySource source = source(upstream.url(), new AuthConfig(new NetrcCredentials(file), true));
        ProxyException e = assertThrows(ProxyException.class, () -> source.info(M));
        assertEquals(401, e.status());
        assertEquals(1, upstream.count(INFO));
    }

    @Test
    void netrcIsReadAgainAfterARefusal() throws IOException {
        Path file = netrc("machine " + hostPort + " login alice password wrong\n");
        NetrcCredentials credentials = new NetrcCredentials(file);
        ProxySource source = source(upstream.url(), new AuthConfig(credentials, true));
        assertThrows(ProxyException.class, () -> source.versions(M.path()));
        Files.writeString(file, "machine " + hostPort + " login alice password s3cret\n");
        assertEquals("v1.0.0", source.info(M).version());
        assertEquals(2, upstream.count(INFO));
    }
}
