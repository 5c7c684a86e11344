package dev.gosync.gomod.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.LayoutPath.Kind;
import dev.gosync.gomod.module.ModuleVersion;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a scenario through the real go command and through the resolver and compares them. The
 * go command starts from an empty module cache each time and fetches from a proxy serving the
 * scenario's modules, so every file it needs is seen ({@link GoRun}):
 * <ul>
 *   <li>{@code go list -m all} prints the build list, and fetches the {@code .info} and
 *       {@code .mod} of every listed module (the replacement's when replaced by a module) besides
 *       the go.mod files it reads to load the graph — but no zip;</li>
 *   <li>{@code go mod graph} fetches exactly the go.mod files read to load the graph.</li>
 * </ul>
 */
final class Differential implements AutoCloseable {
    /** What the go command printed on failure, and what gosync threw. */
    record Failure(String goStderr, GosyncException ours) {
    }

    private final Path tmp;
    /** Null when the go command reads a {@code file://} proxy. */
    private final UpstreamProxy server;
    private int runs;

    private Differential(Path tmp, UpstreamProxy server) {
        this.tmp = tmp;
        this.server = server;
    }

    /** Compares through a {@code file://} proxy, seeing what the go command fetched in its download cache. */
    static Differential overFiles(Path tmp) {
        return new Differential(tmp, null);
    }

    /** Compares through an HTTP proxy, seeing what the go command fetched in the requests it makes. */
    static Differential overHttp(Path tmp) {
        // Without TCP_NODELAY the JDK's HTTP server holds back small responses (unless an earlier
        // server in this JVM already fixed the setting), which makes the go command's many small requests slow.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return new Differential(tmp, UpstreamProxy.serve(tmp));
    }

    /**
     * Asserts that the resolver agrees with the go command on the scenario: the build list as
     * {@code go list -m all} prints it, the go.mod files read, and the files the plan asks for.
     */
    Resolution assertSameAsGo(GraphScenario scenario) {
        return assertSameAsGoIn(scenario, "");
    }

    /**
     * As {@link #assertSameAsGo}, with the go command and the resolver both started in a
     * subdirectory of the project (where a go.work above it may govern).
     */
    Resolution assertSameAsGoIn(GraphScenario scenario, String subdir) {
        Run run = publish(scenario);
        run.workDir = subdir;
        GoRun list = run.go("list", "-m", "all");
        GoRun graph = run.go("mod", "graph");
        assertTrue(graph.result().succeeded(), () -> graph.result().describe() + "\n" + scenario.describe());
        String context = scenario.describe();
        assertTrue(list.result().succeeded(), () -> list.result().describe() + "\n" + context);
        Resolution ours = run.resolve();
        assertEquals(list.lines(), ours.listAll(), () -> "go list -m all\n" + context);
        assertEquals(graph.fetched(Kind.MOD), ours.goModsFetched(), () -> "go.mod files read\n" + context);

        Set<ModuleVersion> selected = sorted();
        ours.plan().entries().stream().filter(e -> e.reason() == Plan.Reason.SELECTED)
                .forEach(e -> e.source().ifPresent(selected::add));
        Set<ModuleVersion> mods = sorted();
        mods.addAll(ours.goModsFetched());
        mods.addAll(selected);
        assertEquals(list.fetched(Kind.INFO), selected, () -> ".info files of go list -m all\n" + context);
        assertEquals(list.fetched(Kind.MOD), mods, () -> ".mod files of go list -m all\n" + context);
        assertEquals(Set.of(), list.fetched(Kind.ZIP), "go list -m all fetches no zip");

        Map<ModuleVersion, Set<Kind>> files = ours.plan().files();
        assertEquals(mods, withKind(files, Kind.MOD), () -> "planned .mod files\n" + context);
        assertEquals(mods, withKind(files, Kind.INFO), () -> "planned .info files\n" + context);
        assertEquals(selected, withKind(files, Kind.ZIP), () -> "planned zips\n" + context);
        return ours;
    }

    /** Asserts that both the go command ({@code go list -m all}) and the resolver refuse the scenario. */
    Failure assertBothFail(GraphScenario scenario) {
        Run run = publish(scenario);
        GoRun list = run.go("list", "-m", "all");
        if (list.result().succeeded()) {
            fail("the go command accepted the scenario:\n" + list.result().stdout() + "\n" + scenario.describe());
        }
        GosyncException ours = assertThrows(GosyncException.class, run::resolve, scenario::describe);
        return new Failure(list.result().stderr(), ours);
    }

    private Run publish(GraphScenario scenario) {
        int n = ++runs;
        Path base = tmp.resolve("run" + n);
        ProxyDir proxy = new ProxyDir(base.resolve("proxy"));
        scenario.publish(proxy);
        return new Run(base, proxy, "/run" + n + "/proxy", scenario);
    }

    private final class Run {
        final Path base;
        final ProxyDir proxy;
        final String proxyPath;
        final GraphScenario scenario;
        int goRuns;
        String workDir = "";

        Run(Path base, ProxyDir proxy, String proxyPath, GraphScenario scenario) {
            this.base = base;
            this.proxy = proxy;
            this.proxyPath = proxyPath;
            this.scenario = scenario;
        }

        Path project() {
            return base.resolve("project");
        }

        GoRun go(String... args) {
            Path sandbox = base.resolve("go" + ++goRuns);
            Path dir = scenario.writeProject(project()).resolve(workDir);
            return server == null ? GoRun.throughFile(proxy, sandbox, scenario, dir, args)
                    : GoRun.throughHttp(server, proxyPath, sandbox, scenario, dir, args);
        }

        Resolution resolve() {
            Path dir = scenario.writeProject(project()).resolve(workDir);
            return new Resolver(proxy.fetcher()).resolve(MainModules.open(dir));
        }
    }

    private static Set<ModuleVersion> sorted() {
        return new TreeSet<>(ModuleVersion.ORDER);
    }

    private static Set<ModuleVersion> withKind(Map<ModuleVersion, Set<Kind>> files, Kind kind) {
        Set<ModuleVersion> found = sorted();
        files.forEach((m, kinds) -> {
            if (kinds.contains(kind)) {
                found.add(m);
            }
        });
        return found;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
