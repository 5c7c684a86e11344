package dev.gosync.cli.quickstart;

import dev.gosync.agent.vcs.GitModuleFiles;
import dev.gosync.agent.vcs.GitRepoSource;
import dev.gosync.fixtures.universe.FixtureModule;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.zip.ZipSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The fixture universe's git repositories as module sources: one {@link GitRepoSource} per
 * repository, opened on first use, answering as the go command's direct mode would.
 */
final class FixtureGitSource implements AutoCloseable {
    private final FixtureUniverse universe;
    private final Map<String, Repository> repos = new HashMap<>();
    private final Map<String, GitRepoSource> sources = new HashMap<>();

    FixtureGitSource(FixtureUniverse universe) {
        this.universe = universe;
    }

    /** The source that serves mv's module. */
    ModuleSource source(ModuleVersion mv) {
        String repo = universe.module(mv.path()).repo();
        return sources.computeIfAbsent(repo, r -> new GitRepoSource(repository(r),
                FixtureUniverse.MODULE_PREFIX + r, FixtureUniverse.GIT_URL_PREFIX + r));
    }

    /** The files the version's zip is made from, before the zip rules leave any out (for reporting). */
    List<ZipSource> zipFiles(ModuleVersion mv) {
        FixtureModule module = universe.module(mv.path());
        ObjectId commit = ObjectId.fromString(universe.version(mv.path(), mv.version()).commit());
        return GitModuleFiles.list(repository(module.repo()), commit, module.dir());
    }

    private Repository repository(String name) {
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
