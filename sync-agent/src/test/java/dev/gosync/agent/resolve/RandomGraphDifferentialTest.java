package dev.gosync.agent.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.module.LayoutPath.Kind;
import dev.gosync.gomod.module.ModuleVersion;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver against the real go command on seeded random module graphs (see
 * {@link RandomGraphs}), served over HTTP so that every file the go command fetches is seen:
 * <ul>
 *   <li>the build list is {@code go list -m all}'s, line for line, replacements included;</li>
 *   <li>the go.mod files read are exactly the {@code .mod} files {@code go mod graph} fetches with
 *       an empty module cache;</li>
 *   <li>the plan asks for what {@code go list -m all} fetches: {@code .info} of every build-list
 *       module (its replacement's, when replaced by a module), {@code .mod} of those and of every
 *       go.mod read, and no zip; plus zips for the build list and {@code .info} for go.mod-only
 *       versions, which a mirror needs (see {@link Plan}).</li>
 * </ul>
 */
class RandomGraphDifferentialTest {
    private static final int GRAPHS = 70;

    @TempDir
    static Path tmp;
    static UpstreamProxy server;

    @BeforeAll
    static void startServer() {
        server = UpstreamProxy.serve(tmp);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> resolutionMatchesTheGoCommand() {
        return LongStream.rangeClosed(1, GRAPHS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
    }

    private static void check(long seed) {
        GraphScenario scenario = RandomGraphs.generate(seed);
        Path base = tmp.resolve("s" + seed);
        ProxyDir proxy = new ProxyDir(base.resolve("proxy"));
        scenario.publish(proxy);
        Path project = base.resolve("project");
        String proxyPath = "/s" + seed + "/proxy";

        GoRun list = GoRun.run(server, proxyPath, base.resolve("go-list"), scenario, project, "list", "-m", "all");
        GoRun graph = GoRun.run(server, proxyPath, base.resolve("go-graph"), scenario, project, "mod", "graph");
        assertTrue(list.result().succeeded(), () -> list.result().describe() + "\n" + scenario.describe());

        Resolution ours = new Resolver(proxy.fetcher()).resolve(MainModules.open(scenario.writeProject(project)));
        String context = scenario.describe();
        assertEquals(list.lines(), ours.listAll(), () -> "go list -m all\n" + context);
        assertEquals(graph.requested(Kind.MOD), ours.goModsFetched(), () -> "go.mod files read\n" + context);

        Set<ModuleVersion> selected = new TreeSet<>(ModuleVersion.ORDER);
        ours.plan().entries().stream().filter(e -> e.reason() == Plan.Reason.SELECTED)
                .forEach(e -> e.source().ifPresent(selected::add));
        Set<ModuleVersion> mods = new TreeSet<>(ModuleVersion.ORDER);
        mods.addAll(ours.goModsFetched());
        mods.addAll(selected);
        assertEquals(list.requested(Kind.INFO), selected, () -> ".info files of go list -m all\n" + context);
        assertEquals(list.requested(Kind.MOD), mods, () -> ".mod files of go list -m all\n" + context);
        assertEquals(Set.of(), list.requested(Kind.ZIP), "go list -m all fetches no zip");

        Map<ModuleVersion, Set<Kind>> files = ours.plan().files();
        assertEquals(mods, withKind(files, Kind.MOD), () -> "planned .mod files\n" + context);
        assertEquals(mods, withKind(files, Kind.INFO), () -> "planned .info files\n" + context);
        assertEquals(selected, withKind(files, Kind.ZIP), () -> "planned zips\n" + context);
    }

    private static Set<ModuleVersion> withKind(Map<ModuleVersion, Set<Kind>> files, Kind kind) {
        Set<ModuleVersion> found = new TreeSet<>(ModuleVersion.ORDER);
        files.forEach((m, kinds) -> {
            if (kinds.contains(kind)) {
                found.add(m);
            }
        });
        return found;
    }
}
