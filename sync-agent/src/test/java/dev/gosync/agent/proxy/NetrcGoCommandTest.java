package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.agent.auth.CredentialProvider;
import dev.gosync.agent.auth.NetrcCredentials;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code .netrc} files judged by the real go command over https (it sends credentials nowhere
 * else): for each file, the Authorization header the go command sends to a local TLS proxy must
 * be the one gosync sends. {@code HOST} in a file stands for the proxy's {@code 127.0.0.1:port}.
 */
class NetrcGoCommandTest {
    private static final ModuleVersion M = new ModuleVersion("example.com/m", "v1.0.0");

    @TempDir
    static Path tmp;

    private static GoSandbox sandbox;
    private static TlsProxy.Certificate certificate;
    private static TlsProxy proxy;
    private static String host;
    private static ProxySource source;

    @BeforeAll
    static void setUp() {
        sandbox = GoSandbox.create(tmp.resolve("sandbox"));
        certificate = TlsProxy.Certificate.create(tmp);
        proxy = new TlsProxy(certificate, new ProxyDir(tmp.resolve("proxy")).module(M.path(), M.version()).root());
        host = proxy.url().substring("https://".length());
        sandbox.set("SSL_CERT_FILE", certificate.pem().toString()).set("GOPROXY", proxy.url());
        source = source();
    }

    @AfterAll
    static void tearDown() {
        proxy.close();
    }

    /**
     * One client for all cases, so that TLS connections are reused and the suite stays fast; the
     * credentials come from whatever the netrc file holds at the time of the request.
     */
    private static ProxySource source() {
        Path netrc = tmp.resolve("netrc");
        CredentialProvider current = new CredentialProvider() {
            @Override
            public Optional<String> authorization(URI url) {
                return new NetrcCredentials(netrc).authorization(url);
            }

            @Override
            public Optional<String> refreshedAuthorization(URI url) {
                return authorization(url);
            }
        };
        ProxyClientSettings settings = ProxyClientSettings.defaults().withRetry(RetryPolicy.none())
                .withSslContext(certificate.clientContext()).withAuth(new AuthConfig(current, false));
        return ProxyClient.create(settings).source(ProxyUrl.parse(proxy.url()));
    }

    /**
     * Compares the Authorization header of the first request the go command, then gosync, sends
     * for {@code .info}, and returns it.
     */
    private String assertSameCredentials(byte[] netrcBytes) throws IOException {
        Path netrc = Files.write(tmp.resolve("netrc"), netrcBytes);
        sandbox.set("NETRC", netrc.toString()).set("GOMODCACHE", Files.createTempDirectory(tmp, "modcache").toString());
        int before = proxy.authorizations().size();
        ProcessResult result = sandbox.go(tmp, "list", "-m", "-json", M.toString());
        assertTrue(result.succeeded(), result.describe());
        String go = proxy.authorizations().get(before);
        int mine = proxy.authorizations().size();
        source.info(M);
        assertEquals(go, proxy.authorizations().get(mine));
        return go;
    }

    @Test
    void theGoCommandSendsNetrcCredentialsWithItsFirstRequest() throws IOException {
        byte[] netrc = ("machine " + host + " login alice password s3cret\n").getBytes(StandardCharsets.UTF_8);
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, assertSameCredentials(netrc));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "machine 127.0.0.1 login alice password s3cret\n",
        "machine HOST login first password 1\nmachine HOST login second password 2\n",
        "machine HOST/example.com login scoped password 1\nmachine HOST login host password 2\n",
        "machine HOST/example.org login other password 1\n",
        "machine https://HOST/ login prefixed password 1\n",
        "machine HOST\n  password p\n  login l\n",
        "machine HOST account acct login l password p\n",
        "default login d password d\nmachine HOST login l password p\n",
        "machine HOST default login l password p\nmachine HOST login second password 2\n",
        "macdef init\nmachine HOST login inmacro password 1\n\nmachine HOST login after password 2\n",
        "machine HOST login l macdef x password p\nmachine HOST login n password q\n",
        "machine\u00a0HOST\u3000login\u2003l password\u0085p\n",
        "machine HOST login l password p\r\n",
        "machine other.test login o password o\nmachine HOST login incomplete\nmachine HOST login l password p\n",
        "",
    })
    void sendsTheCredentialsTheGoCommandSends(String template) throws IOException {
        assertSameCredentials(template.replace("HOST", host).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void credentialsWithBytesThatAreNotUtf8GoOutExactly() throws IOException {
        ByteArrayOutputStream netrc = new ByteArrayOutputStream();
        netrc.writeBytes(("machine " + host + " login l\u00e9 password ").getBytes(StandardCharsets.UTF_8));
        netrc.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, 'x', '\n'});
        assertSameCredentials(netrc.toByteArray());
    }

    @Test
    void httpsNeverRedirectsToPlainHttp() {
        try (UpstreamProxy plain = UpstreamProxy.serve(tmp.resolve("proxy"))) {
            proxy.redirectInsecurelyTo(plain.url());
            ProxySource source = ProxyClient.create(ProxyClientSettings.defaults().withRetry(RetryPolicy.none())
                    .withSslContext(certificate.clientContext())).source(ProxyUrl.parse(proxy.url() + "/to-http"));
            ProxyException e = assertThrows(ProxyException.class, () -> source.info(M));
            assertTrue(e.getMessage().contains("redirected from secure URL " + proxy.url() + "/to-http/"), e.getMessage());
            assertTrue(e.getMessage().contains(" to insecure URL " + plain.url()), e.getMessage());
            assertFalse(plain.requests().iterator().hasNext());
        }
    }
}
