package dev.gosync.cli.quickstart;

import dev.gosync.agent.vcs.GitModuleFiles;
import dev.gosync.fixtures.universe.FixtureModule;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.fixtures.universe.FixtureVersion;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.zip.ZipSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of a fixture module version, read from the fixture universe's git repositories with
 * JGit: the version's go.mod (or the one-line file the go command synthesizes when there is
 * none) and the files of its module zip.
 */
final class FixtureGitSource implements AutoCloseable {
    private final FixtureUniverse universe;
    private final java.util.Map<String, Repository> repos = new java.util.HashMap<>();

    FixtureGitSource(FixtureUniverse universe) {
        this.universe = universe;
    }

    byte[] goMod(ModuleVersion mv) {
        FixtureModule module = universe.module(mv.path());
        String path = module.dir().isEmpty() ? "go.mod" : module.dir() + "/go.mod";
        Repository repo = repo(module.repo());
        try (TreeWalk tw = TreeWalk.forPath(repo, path, repo.parseCommit(commit(mv)).getTree())) {
            if (tw == null) {
                return ("module " + mv.path() + "\n").getBytes(StandardCharsets.UTF_8);
            }
            return repo.open(tw.getObjectId(0)).getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read go.mod of " + mv, e);
        }
    }

    List<ZipSource> zipFiles(ModuleVersion mv) {
        FixtureModule module = universe.module(mv.path());
        return GitModuleFiles.list(repo(module.repo()), commit(mv), module.dir());
    }

    FixtureVersion version(ModuleVersion mv) {
        try {
            return universe.version(mv.path(), mv.version());
        } catch (RuntimeException e) {
            throw new GosyncException(mv + " is not in the fixture universe", "regenerate the quickstart directory", e);
        }
    }

    private ObjectId commit(ModuleVersion mv) {
        return ObjectId.fromString(version(mv).commit());
    }

    private Repository repo(String name) {
        return repos.computeIfAbsent(name, n -> {
            try {
                return new FileRepositoryBuilder().setGitDir(universe.repoDir(n).toFile()).setMustExist(true).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open fixture repository " + n, e);
            }
        });
    }

    @Override
    public void close() {
        repos.values().forEach(Repository::close);
    }
}
