package dev.gosync.agent.export;

import dev.gosync.fixtures.FileTrees;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.universe.FixtureUniverse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The upstream of the export tests: a directory in GOPROXY layout holding every version of the
 * fixture universe exactly as the real go command downloads them in direct mode from the fixture
 * git repositories. Built once per test JVM (it takes the go command a few seconds), read-only
 * for tests: one that tampers with files works on a {@link #copy}.
 */
final class FixtureUpstream {
    private static FixtureUpstream shared;

    private final Path root;
    private final FixtureUniverse universe;
    private final Path dir;

    private FixtureUpstream(Path root, FixtureUniverse universe, Path dir) {
        this.root = root;
        this.universe = universe;
        this.dir = dir;
    }

    static synchronized FixtureUpstream get() {
        if (shared == null) {
            shared = build();
        }
        return shared;
    }

    private static FixtureUpstream build() {
        try {
            Path root = Files.createTempDirectory("gosync-export-upstream-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
            FixtureUniverse universe = FixtureUniverse.create(root.resolve("universe"));
            GoSandbox go = universe.configure(GoSandbox.create(root.resolve("sandbox")));
            Path outside = Files.createDirectories(root.resolve("outside"));
            List<String> args = new ArrayList<>(List.of("mod", "download"));
            universe.versions().forEach(v -> args.add(v.modulePath() + "@" + v.version()));
            go.goOk(outside, args.toArray(String[]::new));
            return new FixtureUpstream(root, universe, go.downloadDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FixtureUniverse universe() {
        return universe;
    }

    /** The GOPROXY directory. */
    Path dir() {
        return dir;
    }

    /** A fresh copy of the fixture project, in {@code target}. */
    Path project(Path target) {
        return FixtureUniverse.writeProject(target);
    }

    /** A copy of the GOPROXY directory in {@code target}, for a test that changes it. */
    Path copy(Path target) {
        try {
            return FileTrees.copy(dir, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sandbox for the go command under {@code dir} whose only module source is {@code goproxy}. */
    static GoSandbox consumer(Path dir, String goproxy) {
        return GoSandbox.create(dir).set("GOPROXY", goproxy).set("GOFLAGS", "-mod=readonly -modcacherw");
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    file.toFile().setWritable(true);
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
