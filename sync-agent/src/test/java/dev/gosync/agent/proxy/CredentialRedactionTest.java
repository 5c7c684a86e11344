package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password of a proxy URL never shows: not in messages, remedies, causes, descriptions or toString. */
class CredentialRedactionTest {
    private static final String SECRET = "s3cret";
    private static final ModuleVersion M = new ModuleVersion("example.com/m", "v1.0.0");

    @TempDir
    Path tmp;

    private UpstreamProxy upstream;
    private String url;

    @BeforeEach
    void start() {
        upstream = UpstreamProxy.serve(new ProxyDir(tmp).module(M.path(), M.version()).root());
        url = "http://alice:" + SECRET + "@" + upstream.url().substring("http://".length()) + "?token=" + SECRET;
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private ProxySource source(AuthConfig auth, Duration readTimeout) {
        ProxyClientSettings settings = ProxyClientSettings.defaults().withAuth(auth).withReadTimeout(readTimeout)
                .withRetry(RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(1)));
        return ProxyClient.create(settings).source(ProxyUrl.parse(url));
    }

    private ProxySource source() {
        return source(AuthConfig.none().allowingPlainHttpToLoopback(), Duration.ofSeconds(5));
    }

    private static void assertRedacted(Executable failing) {
        GosyncException e = assertThrows(GosyncException.class, failing);
        assertTrue(e.getMessage().contains("example.com/m"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.getMessage());
            assertFalse(String.valueOf(t).contains(SECRET), t.toString());
        }
        assertFalse(String.valueOf(e.remedy()).contains(SECRET), e.remedy());
        if (e instanceof ProxyException p) {
            assertFalse(p.url().contains(SECRET), p.url());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410, 401, 500, 503})
    void statusErrors(int status) {
        upstream.fail(".info", new UpstreamProxy.Status(status));
        assertRedacted(() -> source().info(M));
    }

    @Test
    void droppedConnection() {
        upstream.fail(".info", new UpstreamProxy.Drop());
        assertRedacted(() -> source().info(M));
    }

    @Test
    void timeout() {
        upstream.fail(".info", new UpstreamProxy.Delay(300));
        assertRedacted(() -> source(AuthConfig.none().allowingPlainHttpToLoopback(), Duration.ofMillis(50)).info(M));
    }

    @Test
    void refusalToSendCredentialsOverHttp() {
        assertRedacted(() -> source(AuthConfig.none(), Duration.ofSeconds(5)).info(M));
    }

    @Test
    void versionMismatchAndMalformedInfo() {
        new ProxyDir(tmp).write(M.path(), "v1.0.0.info", "{\"Version\":\"v1.0.1\",\"Time\":\"" + ProxyDir.TIME + "\"}");
        assertRedacted(() -> source().info(M));
        new ProxyDir(tmp).write(M.path(), "v1.0.0.info", "{\"Version\":");
        assertRedacted(() -> source().info(M));
    }

    @Test
    void chainErrorsAndDescriptions() {
        ProxyChain chain = ProxyChain.create(ProxyList.parse(url + "|off"), "", ProxyClient.create(
                ProxyClientSettings.defaults().withAuth(AuthConfig.none().allowingPlainHttpToLoopback())),
                UnavailableDirectSource.INSTANCE);
        upstream.fail(".info", new UpstreamProxy.Status(500));
        assertRedacted(() -> chain.info(M));
        assertFalse(chain.describe().contains(SECRET), chain.describe());
        assertFalse(chain.toString().contains(SECRET), chain.toString());
        assertFalse(source().describe().contains(SECRET));
        assertFalse(source().toString().contains(SECRET));
        assertFalse(ProxyList.parse(url).toString().contains(SECRET));
        assertFalse(ProxyList.parse("https://example.com/?token=s3cret#frag").toString().contains(SECRET));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ftp://alice:s3cret@example.com/m",
        "file://alice:s3cret@/srv/m",
        "https://alice:s3cret@[::1",
        "https://alice:s3cret@host:port/",
        "https://alice:s3cret@example.com/a b",
        "https://alice:s3cret@ex ample.com/",
    })
    void invalidProxyUrls(String bad) {
        Consumer<Throwable> check = e -> {
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            assertFalse(String.valueOf(e.getCause()).contains(SECRET));
        };
        check.accept(assertThrows(InvalidProxyListException.class, () -> ProxyList.parse("https://ok.test," + bad)));
    }

    @Test
    void environmentToStringRedactsUrls() {
        GoEnvironment env = GoEnvironment.of(Map.of("GOPROXY", url, "GOSUMDB", "sum.test https://u:" + SECRET + "@db.test"));
        assertFalse(env.toString().contains(SECRET), env.toString());
    }
}
