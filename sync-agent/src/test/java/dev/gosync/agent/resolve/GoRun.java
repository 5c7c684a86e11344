package dev.gosync.agent.resolve;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One run of the real go command against a proxy served by an {@link UpstreamProxy}, in a fresh
 * sandbox (so a fresh module cache), with the requests it made.
 *
 * @param requests the layout files requested, in order
 */
record GoRun(ProcessResult result, List<LayoutPath> requests) {
    /**
     * Runs {@code go args…} in the project of the scenario, freshly written into projectDir.
     *
     * @param proxyPath the proxy directory's path under the server's root, such as {@code /s7/proxy}
     */
    static GoRun run(UpstreamProxy server, String proxyPath, Path sandboxDir, GraphScenario scenario, Path projectDir,
                     String... args) {
        GoSandbox go = GoSandbox.create(sandboxDir).set("GOPROXY", server.url() + proxyPath);
        if (scenario.workspace()) {
            // The go command refuses -mod=mod in workspace mode; its default there is readonly.
            go.set("GOFLAGS", "-modcacherw");
        }
        scenario.writeProject(projectDir);
        int before = server.requests().size();
        ProcessResult result = go.go(projectDir, args);
        List<String> raw = server.requests();
        List<LayoutPath> requests = raw.subList(before, raw.size()).stream()
                .map(r -> URI.create(r).getPath())
                .filter(p -> p.startsWith(proxyPath + "/"))
                .map(p -> ProxyLayout.parse(p.substring(proxyPath.length() + 1)))
                .toList();
        return new GoRun(result, requests);
    }

    String stdout() {
        return result.orThrow().stdout();
    }

    List<String> lines() {
        return stdout().lines().toList();
    }

    /** The module versions of the requested files of one kind, sorted. */
    Set<ModuleVersion> requested(LayoutPath.Kind kind) {
        Set<ModuleVersion> found = new TreeSet<>(ModuleVersion.ORDER);
        requests.stream().filter(r -> r.kind() == kind).forEach(r -> found.add(r.module()));
        return found;
    }
}
