package dev.gosync.agent.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.InvalidInfoException;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.StoredFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files put by many threads at once share store transactions, and each still fails or succeeds on its own. */
class GroupCommitTest {
    private static final int THREADS = 16;

    @TempDir
    Path tmp;

    private static ModuleVersion module(int i) {
        return new ModuleVersion("example.com/m" + i, "v1.0.0");
    }

    private static byte[] goMod(int i) {
        return ("module example.com/m" + i + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyFilePutConcurrentlyIsCommittedBeforeItsPutReturns() throws Exception {
        LayoutStore store = LayoutStore.create(tmp.resolve("store"));
        GroupCommit commits = new GroupCommit(store, Files.createDirectories(store.root().resolve(".download")));
        List<Future<StoredFile>> puts = putAll(commits, i -> new GroupCommit.Content.Bytes(goMod(i)));
        for (int i = 0; i < THREADS; i++) {
            StoredFile stored = puts.get(i).get(30, TimeUnit.SECONDS);
            assertEquals("example.com/m" + i + "/@v/v1.0.0.mod", stored.relativePath());
            assertArrayEquals(goMod(i), Files.readAllBytes(store.path(module(i), LayoutPath.Kind.MOD)));
            assertEquals(List.of("v1.0.0"), store.versions("example.com/m" + i));
        }
    }

    @Test
    void flushWaitsForEveryFileQueuedAndReportsAFailure() throws IOException {
        LayoutStore store = LayoutStore.create(tmp.resolve("store"));
        GroupCommit commits = new GroupCommit(store, Files.createDirectories(store.root().resolve(".download")));
        for (int i = 0; i < THREADS; i++) {
            commits.putLater(module(i), LayoutPath.Kind.MOD, new GroupCommit.Content.Bytes(goMod(i)));
        }
        commits.flush();
        for (int i = 0; i < THREADS; i++) {
            assertArrayEquals(goMod(i), Files.readAllBytes(store.path(module(i), LayoutPath.Kind.MOD)));
        }
        commits.putLater(module(99), LayoutPath.Kind.INFO,
                new GroupCommit.Content.Bytes("{\"Version\":\"v9.9.9\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(InvalidInfoException.class, commits::flush);
        assertFalse(store.has(module(99), LayoutPath.Kind.INFO));
        try (Stream<Path> spooled = Files.list(store.root().resolve(".download"))) {
            assertEquals(List.of(), spooled.toList(), "no spool file is left behind");
        }
    }

    @Test
    void aWrittenFileIsMovedIntoTheStore() throws IOException {
        LayoutStore store = LayoutStore.create(tmp.resolve("store"));
        Path spool = Files.createDirectories(store.root().resolve(".download"));
        byte[] goMod = goMod(1);
        Path written = Files.write(spool.resolve("part"), goMod);
        new GroupCommit(store, spool).put(module(1), LayoutPath.Kind.MOD,
                new GroupCommit.Content.Written(written, goMod.length, sha256(goMod)));
        assertFalse(Files.exists(written));
        assertArrayEquals(goMod, Files.readAllBytes(store.path(module(1), LayoutPath.Kind.MOD)));
    }

    @Test
    void aBadFileFailsAloneWhileTheOthersOfItsGroupAreCommitted() throws Exception {
        LayoutStore store = LayoutStore.create(tmp.resolve("store"));
        GroupCommit commits = new GroupCommit(store, Files.createDirectories(store.root().resolve(".download")));
        int bad = 5;
        List<Future<StoredFile>> puts = putAll(commits, i -> i == bad
                ? new GroupCommit.Content.Bytes("{\"Version\":\"v9.9.9\"}".getBytes(StandardCharsets.UTF_8))
                : new GroupCommit.Content.Bytes(goMod(i)));
        for (int i = 0; i < THREADS; i++) {
            if (i == bad) {
                int index = i;
                ExecutionException e = assertThrows(ExecutionException.class, () -> puts.get(index).get(30, TimeUnit.SECONDS));
                assertInstanceOf(InvalidInfoException.class, e.getCause());
                assertFalse(store.has(module(i), LayoutPath.Kind.INFO));
            } else {
                puts.get(i).get(30, TimeUnit.SECONDS);
                assertArrayEquals(goMod(i), Files.readAllBytes(store.path(module(i), LayoutPath.Kind.MOD)));
            }
        }
    }

    /** Puts file i from thread i, all threads starting together: a .info when the content is JSON, else a .mod. */
    private List<Future<StoredFile>> putAll(GroupCommit commits,
                                            IntFunction<GroupCommit.Content> content) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<StoredFile>> puts = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                GroupCommit.Content c = content.apply(n);
                LayoutPath.Kind kind = c instanceof GroupCommit.Content.Bytes b && b.bytes()[0] == '{'
                        ? LayoutPath.Kind.INFO : LayoutPath.Kind.MOD;
                puts.add(pool.submit(() -> {
                    start.await();
                    return commits.put(module(n), kind, c);
                }));
            }
            start.countDown();
            return puts;
        } finally {
            pool.shutdown();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
