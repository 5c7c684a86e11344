package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.semver.Semver;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving while imports commit: readers hammer the server while a writer adds versions through
 * {@link dev.gosync.gomod.store.LayoutStore} transactions. Every version a list names is
 * complete, every file served is byte-for-byte the file imported (never partial, never a
 * staging file), and every list is a sorted list of real versions.
 */
class ServeWhileImportingTest {
    private static final String LIVE = "example.com/live";
    private static final int VERSIONS = 30;
    private static final int READERS = 4;
    private static final int MAX_REQUESTS_PER_READER = 4000;

    @TempDir
    Path tmp;

    private static String version(int i) {
        return "v1." + i + ".0";
    }

    private static byte[] zip(String version) {
        return TestMirror.zipBytes(LIVE, version, 50_000 + Math.abs(version.hashCode() % 200_000));
    }

    private static String goMod(String version) {
        return "module " + LIVE + "\n\n// " + version + "\n";
    }

    @Test
    @Timeout(180)
    void readersNeverSeeAPartialOrForeignFileWhileVersionsAreImported() throws Exception {
        TestMirror mirror = TestMirror.create(tmp.resolve("mirror")).add(LIVE, version(0), goMod(version(0)), zip(version(0)));
        Set<String> planned = ConcurrentHashMap.newKeySet();
        for (int i = 0; i <= VERSIONS; i++) {
            planned.add(version(i));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger listsSeen = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
        try (MirrorServer server = MirrorServer.start(mirror.dir(), new InetSocketAddress("127.0.0.1", 0),
                ServeOptions.defaults())) {
            int port = server.port();
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                int seed = r;
                readers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int n = 0; n < MAX_REQUESTS_PER_READER && writing.get(); n++) {
                        RawHttp.Response list = RawHttp.get(port, "/example.com/live/@v/list");
                        assertEquals(200, list.status());
                        List<String> versions = list.text().lines().toList();
                        List<String> sorted = new ArrayList<>(versions);
                        Semver.sort(sorted);
                        assertEquals(sorted, versions, "list not sorted");
                        assertTrue(planned.containsAll(versions), list.text());
                        listsSeen.incrementAndGet();
                        String v = versions.get(random.nextInt(versions.size()));
                        String base = "/example.com/live/@v/" + v;
                        RawHttp.Response z = RawHttp.get(port, base + ".zip");
                        assertEquals(200, z.status(), v + " is listed but its zip is not served");
                        assertArrayEquals(zip(v), z.body(), v + ".zip");
                        RawHttp.Response m = RawHttp.get(port, base + ".mod");
                        assertEquals(goMod(v), m.text(), v + ".mod");
                        RawHttp.Response i = RawHttp.get(port, base + ".info");
                        assertEquals(TestMirror.info(v), i.text(), v + ".info");
                        checked.addAndGet(3);
                        // A version not listed yet may be on its way: 404 or complete, nothing between.
                        String next = version(versions.size());
                        RawHttp.Response early = RawHttp.get(port, "/example.com/live/@v/" + next + ".zip");
                        assertTrue(early.status() == 404 || (early.status() == 200
                                && java.util.Arrays.equals(zip(next), early.body())), next + " -> " + early.status());
                    }
                    return null;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 1; i <= VERSIONS; i++) {
                        mirror.add(LIVE, version(i), goMod(version(i)), zip(version(i)));
                        Thread.sleep(20);
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            writer.get(120, TimeUnit.SECONDS);
            for (Future<?> r : readers) {
                r.get(120, TimeUnit.SECONDS);
            }
            RawHttp.Response finalList = RawHttp.get(port, "/example.com/live/@v/list");
            assertEquals(VERSIONS + 1, finalList.text().lines().count());
            assertEquals(TestMirror.info(version(VERSIONS)), RawHttp.get(port, "/example.com/live/@latest").text());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(listsSeen.get() > 20, "too few reads overlapped the imports: " + listsSeen.get());
        assertTrue(checked.get() > 60, "checked " + checked.get());
    }
}
