package dev.gosync.serve.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.proxy.ProxyClient;
import dev.gosync.agent.proxy.ProxyClientSettings;
import dev.gosync.agent.proxy.ProxySource;
import dev.gosync.agent.proxy.ProxyUrl;
import dev.gosync.agent.proxy.RetryPolicy;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.store.LayoutStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture project vendored by gosync from a mirror equals, file for file and byte for byte,
 * what {@code go mod vendor} writes for it; the result builds and tests with {@code -mod=vendor},
 * no network and no module cache.
 *
 * <p>The mirror is what the go command itself downloaded while vendoring in direct mode from the
 * fixture repositories ({@code $GOMODCACHE/cache/download}, a GOPROXY layout).
 */
class FixtureProjectVendorGoCommandTest {
    @TempDir
    static Path tmp;
    static GoSandbox go;
    static Path expected;
    static Path mirror;

    @BeforeAll
    static void vendorWithTheGoCommand() throws IOException {
        FixtureUniverse universe = FixtureUniverse.create(tmp.resolve("universe"));
        go = universe.configure(GoSandbox.create(tmp.resolve("sandbox")));
        expected = FixtureUniverse.writeProject(tmp.resolve("expected"));
        go.goOk(expected, "mod", "vendor");
        mirror = go.downloadDir();
    }

    @Test
    void vendorTreeEqualsGoModVendor() throws IOException {
        Path project = FixtureUniverse.writeProject(tmp.resolve("actual"));
        VendorResult result = new Vendorer(LayoutStore.open(mirror)).cgoEnabled(false).vendor(project);

        assertEquals(TreeSnapshot.of(expected.resolve("vendor")), TreeSnapshot.of(project.resolve("vendor")));
        assertEquals(Files.readString(expected.resolve("vendor/modules.txt")), result.modulesTxt());
        assertTrue(result.zipsVerified() > 0, "zips were checked against go.sum");
    }

    @Test
    void vendorFromAnHttpMirrorEqualsGoModVendor() throws IOException {
        Path project = FixtureUniverse.writeProject(tmp.resolve("http"));
        try (UpstreamProxy server = UpstreamProxy.serve(mirror)) {
            ProxySource source = ProxyClient.create(ProxyClientSettings.defaults()).source(ProxyUrl.parse(server.url()));
            new Vendorer(source).cgoEnabled(false).vendor(project);
        }
        assertEquals(TreeSnapshot.of(expected.resolve("vendor")), TreeSnapshot.of(project.resolve("vendor")));
    }

    @Test
    void aMirrorFailingHalfwayLeavesTheOldVendorDirectoryAsItWas() throws IOException {
        Path project = FixtureUniverse.writeProject(tmp.resolve("failing"));
        new Vendorer(LayoutStore.open(mirror)).cgoEnabled(false).vendor(project);
        Files.writeString(project.resolve("vendor/modules.txt"), "# an older vendoring\n");
        SortedMap<String, String> before = TreeSnapshot.of(project);
        try (UpstreamProxy server = UpstreamProxy.serve(mirror)) {
            server.fail("zipedge/@v/v1.0.0.zip", new UpstreamProxy.Status(500));
            ProxySource source = ProxyClient.create(ProxyClientSettings.defaults().withRetry(RetryPolicy.none()))
                    .source(ProxyUrl.parse(server.url()));
            GosyncException e = assertThrows(GosyncException.class, () -> new Vendorer(source).vendor(project));
            assertTrue(e.getMessage().contains("github.com/gosync-fixtures/zipedge@v1.0.0"), e.getMessage());
        }
        assertEquals(before, TreeSnapshot.of(project), "the project, its old vendor/ included, is unchanged");
    }

    @Test
    void vendoredProjectBuildsAndTestsOfflineWithoutModuleCache() throws IOException {
        Path project = FixtureUniverse.writeProject(tmp.resolve("offline"));
        new Vendorer(LayoutStore.open(mirror)).cgoEnabled(false).vendor(project);

        GoSandbox offline = GoSandbox.create(tmp.resolve("offline-sandbox"))
                .set("GOPROXY", "off").set("GOFLAGS", "-mod=vendor");
        offline.goOk(project, "build", "./...");
        offline.goOk(project, "test", "./...");
        assertTrue(!Files.exists(offline.modCache().resolve("cache")), "nothing was downloaded");
    }
}
