package dev.gosync.serve.http;

import dev.gosync.agent.vcs.GitRepoSource;
import dev.gosync.fixtures.FileTrees;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.fixtures.universe.FixtureVersion;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.LayoutStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A mirror holding every version of the fixture universe, written by {@link LayoutStore} from
 * the fixture git repositories through {@link GitRepoSource} (which answers exactly as the go
 * command's direct mode). Built once per test JVM, read-only; a test that writes works on a
 * {@link #copy}.
 */
final class FixtureMirror {
    private static FixtureMirror shared;

    private final FixtureUniverse universe;
    private final Path dir;

    private FixtureMirror(FixtureUniverse universe, Path dir) {
        this.universe = universe;
        this.dir = dir;
    }

    static synchronized FixtureMirror get() {
        if (shared == null) {
            shared = build();
        }
        return shared;
    }

    private static FixtureMirror build() {
        try {
            Path root = Files.createTempDirectory("gosync-serve-fixture-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileTrees.delete(root);
                } catch (IOException e) {
                    // A temp dir left behind is harmless.
                }
            }));
            FixtureUniverse universe = FixtureUniverse.create(root.resolve("universe"));
            LayoutStore store = LayoutStore.create(root.resolve("mirror"));
            Map<String, Repository> repos = new HashMap<>();
            try (LayoutStore.Transaction tx = store.begin()) {
                for (FixtureVersion v : universe.versions()) {
                    Repository repo = repos.computeIfAbsent(v.repo(), r -> open(universe, r));
                    GitRepoSource git = new GitRepoSource(repo, FixtureUniverse.MODULE_PREFIX + v.repo(),
                            FixtureUniverse.GIT_URL_PREFIX + v.repo());
                    ModuleVersion mv = new ModuleVersion(v.modulePath(), v.version());
                    tx.put(mv, LayoutPath.Kind.INFO, new ByteArrayInputStream(git.info(mv).toJson()));
                    try (InputStream mod = git.goMod(mv)) {
                        tx.put(mv, LayoutPath.Kind.MOD, mod);
                    }
                    try (InputStream zip = git.zip(mv)) {
                        tx.put(mv, LayoutPath.Kind.ZIP, zip);
                    }
                }
                tx.commit();
            } finally {
                repos.values().forEach(Repository::close);
            }
            return new FixtureMirror(universe, store.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Repository open(FixtureUniverse universe, String name) {
        try {
            return new FileRepositoryBuilder().setGitDir(universe.repoDir(name).toFile()).setMustExist(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FixtureUniverse universe() {
        return universe;
    }

    /** The mirror directory (do not change it). */
    Path dir() {
        return dir;
    }

    /** A copy of the mirror in target, for a test that changes it. */
    Path copy(Path target) {
        try {
            return FileTrees.copy(dir, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
