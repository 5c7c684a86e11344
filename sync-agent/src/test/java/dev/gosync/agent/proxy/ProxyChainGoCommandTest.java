package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fallback rules of a two-proxy GOPROXY list, judged by the real go command: with the first
 * proxy failing in a given way, {@code go mod download} and our chain must both succeed or both
 * fail, and the second proxy must see the same file requests from both.
 */
class ProxyChainGoCommandTest {
    private static final ModuleVersion M = new ModuleVersion("example.com/m", "v1.0.0");

    @TempDir
    static Path tmp;

    private static GoSandbox sandbox;
    private static Path dirA;
    private static Path dirB;

    @BeforeAll
    static void setUp() {
        sandbox = GoSandbox.create(tmp.resolve("sandbox"));
        dirA = new ProxyDir(tmp.resolve("a")).module(M.path(), M.version()).root();
        dirB = new ProxyDir(tmp.resolve("b")).module(M.path(), M.version()).root();
    }

    /** Whether the download succeeded, and which files the second proxy was asked for. */
    private record Outcome(boolean succeeded, Set<String> askedOfB) {
    }

    private static UpstreamProxy.Fault fault(String name) {
        return name.equals("drop") ? new UpstreamProxy.Drop() : new UpstreamProxy.Status(Integer.parseInt(name));
    }

    @ParameterizedTest(name = "first proxy answers {0}, separator \"{1}\"")
    @CsvSource({"404, ','", "410, ','", "500, ','", "403, ','", "drop, ','", "404, '|'", "500, '|'", "drop, '|'"})
    void fallbackMatchesTheGoCommand(String aFault, String separator) {
        assertEquals(goCommand(aFault, separator, tmp.resolve("modcache-" + aFault + separator.hashCode())),
                ours(aFault, separator));
    }

    private static Outcome goCommand(String aFault, String separator, Path modcache) {
        try (UpstreamProxy a = UpstreamProxy.serve(dirA); UpstreamProxy b = UpstreamProxy.serve(dirB)) {
            a.fail("/@v/", fault(aFault));
            sandbox.set("GOPROXY", a.url() + separator + b.url()).set("GOMODCACHE", modcache.toString());
            ProcessResult result = sandbox.go(tmp, "mod", "download", "-json", M.toString());
            return new Outcome(result.succeeded(), files(b));
        }
    }

    private static Outcome ours(String aFault, String separator) {
        try (UpstreamProxy a = UpstreamProxy.serve(dirA); UpstreamProxy b = UpstreamProxy.serve(dirB)) {
            a.fail("/@v/", fault(aFault));
            ProxyChain chain = ProxyChain.create(ProxyList.parse(a.url() + separator + b.url()), "",
                    ProxyClient.create(ProxyClientSettings.defaults().withRetry(RetryPolicy.none())),
                    UnavailableDirectSource.INSTANCE);
            boolean succeeded;
            try {
                chain.info(M);
                try (InputStream mod = chain.goMod(M); InputStream zip = chain.zip(M)) {
                    mod.readAllBytes();
                    zip.readAllBytes();
                }
                succeeded = true;
            } catch (GosyncException e) {
                succeeded = false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Outcome(succeeded, files(b));
        }
    }

    /** The kinds of file requested ({@code .info}, {@code .mod}, {@code .zip}). */
    private static Set<String> files(UpstreamProxy proxy) {
        Set<String> kinds = new TreeSet<>();
        for (String path : proxy.requests()) {
            kinds.add(path.substring(path.lastIndexOf('.')));
        }
        return kinds;
    }
}
