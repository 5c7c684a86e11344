package dev.gosync.gomod.resolve;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.LayoutPath.Kind;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One run of the real go command in a fresh sandbox (so an empty module cache), with the module
 * files it fetched: either the requests an HTTP proxy saw, or — with a {@code file://} proxy —
 * the files it left in its download cache, which for a successful run are the same set and much
 * cheaper to get.
 *
 * @param fetched the files fetched, as layout paths
 */
record GoRun(ProcessResult result, List<LayoutPath> fetched) {
    /**
     * Runs {@code go args…} in the scenario's project, freshly written, against an HTTP proxy.
     *
     * @param proxyPath the proxy directory's path under the server's root, such as {@code /run7/proxy}
     */
    static GoRun throughHttp(UpstreamProxy server, String proxyPath, Path sandboxDir, GraphScenario scenario,
                             Path runDir, String... args) {
        GoSandbox go = sandbox(sandboxDir, scenario, server.url() + proxyPath);
        int before = server.requests().size();
        ProcessResult result = go.go(runDir, args);
        List<String> raw = server.requests();
        List<LayoutPath> requests = raw.subList(before, raw.size()).stream()
                .map(r -> URI.create(r).getPath())
                .filter(p -> p.startsWith(proxyPath + "/"))
                .map(p -> ProxyLayout.parse(p.substring(proxyPath.length() + 1)))
                .toList();
        return new GoRun(result, requests);
    }

    /** Runs {@code go args…} in the scenario's project, freshly written, against a {@code file://} proxy. */
    static GoRun throughFile(ProxyDir proxy, Path sandboxDir, GraphScenario scenario, Path runDir, String... args) {
        GoSandbox go = sandbox(sandboxDir, scenario, proxy.fileUrl());
        ProcessResult result = go.go(runDir, args);
        Path cache = go.downloadDir();
        if (!Files.isDirectory(cache)) {
            return new GoRun(result, List.of());
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return new GoRun(result, files
                    .filter(p -> Stream.of(Kind.INFO, Kind.MOD, Kind.ZIP).anyMatch(k -> p.toString().endsWith(k.suffix())))
                    .map(p -> ProxyLayout.parse(cache.relativize(p).toString().replace('\\', '/')))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GoSandbox sandbox(Path dir, GraphScenario scenario, String goproxy) {
        GoSandbox go = GoSandbox.create(dir).set("GOPROXY", goproxy);
        if (scenario.workspace()) {
            // The go command refuses -mod=mod in workspace mode; its default there is readonly.
            go.set("GOFLAGS", "-modcacherw");
        }
        return go;
    }

    String stdout() {
        return result.orThrow().stdout();
    }

    List<String> lines() {
        return stdout().lines().toList();
    }

    /** The module versions of the fetched files of one kind, sorted. */
    Set<ModuleVersion> fetched(Kind kind) {
        Set<ModuleVersion> found = new TreeSet<>(ModuleVersion.ORDER);
        fetched.stream().filter(r -> r.kind() == kind).forEach(r -> found.add(r.module()));
        return found;
    }
}
