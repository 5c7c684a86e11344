package dev.gosync.serve.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.fixtures.FileTrees;
import dev.gosync.serve.mirror.Mirror;
import dev.gosync.serve.testing.ModuleFiles;
import dev.gosync.serve.testing.Signers;
import dev.gosync.serve.testing.TestBundle;
import dev.gosync.serve.testing.TreeListing;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverrides;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports killed with SIGKILL at random moments (fixed seeds, a bounded number of kills), each in
 * a child JVM. After every kill: no file in the mirror is partial (every layout file holds the
 * bytes of the mirror before or of the bundle); once the mirror is next opened for an import, it
 * is exactly as before or exactly as after a complete import; and re-running the import finishes
 * the job. Also: concurrent imports in separate processes are serialised by the mirror's lock.
 */
class CrashSafetyTest {
    private static final long[] SEEDS = {11, 29, 47};
    private static final int KILLS_PER_SEED = 2;

    @TempDir
    Path tmp;
    Path trust;
    Path base;
    Path bundle;
    Map<String, String> before;
    Map<String, String> complete;
    Set<String> knownContent;

    @BeforeEach
    void bundles() {
        Ed25519KeyPair alice = Signers.key("alice");
        trust = Signers.trustStore(tmp.resolve("allowed_signers"), alice);
        TestBundle.of(new ModuleFiles().module("example.com/base", "v1.0.0")).write(tmp.resolve("base.tar.zst"), alice);
        ModuleFiles many = new ModuleFiles();
        for (int i = 0; i < 40; i++) {
            many.module("example.com/m" + i, "v1.0." + i);
        }
        many.module("example.com/base", "v1.1.0");
        bundle = tmp.resolve("many.tar.zst");
        TestBundle.of(many).created(TestBundle.CREATED.plusSeconds(60)).write(bundle, alice);
        base = tmp.resolve("base-mirror");
        importInProcess(base, tmp.resolve("base.tar.zst"));
        before = TreeListing.mirror(base);
        Path reference = copy(base, tmp.resolve("reference"));
        importInProcess(reference, bundle);
        complete = TreeListing.mirror(reference);
        knownContent = new HashSet<>(before.values());
        knownContent.addAll(complete.values());
    }

    @Test
    void anImportKilledAtAnyMomentLeavesTheMirrorAsBeforeOrCompleteAndARerunFinishes() throws Exception {
        long fullRun = timeChildImport(copy(base, tmp.resolve("timing")));
        List<String> outcomes = new ArrayList<>();
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int kill = 0; kill < KILLS_PER_SEED; kill++) {
                Path mirror = copy(base, tmp.resolve("crash-" + seed + "-" + kill));
                long delay = (long) (random.nextDouble() * fullRun);
                Process child = startChild(mirror);
                Thread.sleep(delay);
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "killed child did not end");

                for (Map.Entry<String, String> file : TreeListing.mirror(mirror).entrySet()) {
                    if (!file.getKey().endsWith("/") && !file.getKey().endsWith("@v/list")) {
                        assertTrue(knownContent.contains(file.getValue()), "partial or foreign file " + file.getKey()
                                + " after a kill at " + delay + " ms (seed " + seed + ")");
                    }
                }
                Map<String, String> settled;
                try (Mirror m = Mirror.open(mirror)) {
                    m.lockForImport(() -> { }, Clock.systemUTC(), "test").close();
                    settled = TreeListing.mirror(mirror);
                }
                boolean asBefore = settled.equals(before);
                assertTrue(asBefore || settled.equals(complete), "after a kill at " + delay + " ms (seed " + seed
                        + ") the mirror is neither as before nor complete: " + difference(settled));
                outcomes.add(asBefore ? "before" : "complete");

                ImportResult rerun = importInProcess(mirror, bundle);
                assertEquals(complete, TreeListing.mirror(mirror), "the rerun did not finish the job");
                assertEquals(asBefore ? ImportResult.Status.IMPORTED : ImportResult.Status.ALREADY_IMPORTED,
                        rerun.status());
                try (Mirror m = Mirror.open(mirror)) {
                    assertTrue(m.index().imported(rerun.bundleId()));
                    assertEquals(List.of(), m.index().publishing());
                }
            }
        }
        assertEquals(SEEDS.length * KILLS_PER_SEED, outcomes.size());
    }

    @Test
    void concurrentImportsInSeparateProcessesAreSerialised() throws Exception {
        Ed25519KeyPair alice = Signers.key("alice2");
        Path trust2 = Signers.trustStore(tmp.resolve("allowed_signers_2"), alice);
        Path mirror = tmp.resolve("shared");
        List<Path> bundles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ModuleFiles files = new ModuleFiles();
            for (int j = 0; j < 10; j++) {
                files.module("example.com/c" + i + "/m" + j, "v1.0.0");
            }
            Path b = tmp.resolve("concurrent-" + i + ".tar.zst");
            TestBundle.of(files).channel("c" + i).write(b, alice);
            bundles.add(b);
        }
        List<Process> children = new ArrayList<>();
        for (Path b : bundles) {
            children.add(start(mirror, trust2, b));
        }
        for (Process child : children) {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not finish");
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, child.exitValue(), out + err);
            assertTrue(out.startsWith("IMPORTED "), out + err);
        }
        try (Mirror m = Mirror.open(mirror)) {
            assertEquals(3, m.index().bundles().size());
            assertTrue(dev.gosync.serve.mirror.MirrorCheck.run(m, p -> { }).intact());
        }
    }

    private String difference(Map<String, String> settled) {
        List<String> lines = new ArrayList<>();
        for (String path : complete.keySet()) {
            if (!complete.get(path).equals(settled.get(path)) && !complete.get(path).equals(before.get(path))) {
                lines.add((settled.containsKey(path) ? "has " : "lacks ") + path);
            }
        }
        return lines.size() + " file(s) differ, e.g. " + lines.subList(0, Math.min(5, lines.size()));
    }

    private long timeChildImport(Path mirror) throws Exception {
        long start = System.nanoTime();
        Process child = startChild(mirror);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child import did not finish");
        assertEquals(0, child.exitValue(), new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(complete, TreeListing.mirror(mirror));
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private Process startChild(Path mirror) throws IOException {
        return start(mirror, trust, bundle);
    }

    private static Process start(Path mirror, Path trustStore, Path bundleFile) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(),
                mirror.toString(), trustStore.toString(), bundleFile.toString())
                .redirectErrorStream(false).start();
    }

    private ImportResult importInProcess(Path mirror, Path bundleFile) {
        try (Mirror m = Mirror.open(mirror, true)) {
            return new Importer(m, ImportOptions.of(BundleTrust.load(Optional.of(trust), TrustOverrides.NONE)))
                    .importBundle(bundleFile, ImportListener.NONE);
        }
    }

    private static Path copy(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                FileTrees.delete(to);
            }
            return FileTrees.copy(from, to);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
