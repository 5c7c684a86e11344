package dev.gosync.agent.vcs;

import dev.gosync.fixtures.universe.FixtureUniverse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * One {@link GitRepoSource} per repository of the fixture universe, each recording the URL the go
 * command uses for it ({@value FixtureUniverse#GIT_URL_PREFIX}{@code <repo>}).
 */
final class FixtureRepos implements AutoCloseable {
    private final FixtureUniverse universe;
    private final Map<String, Repository> repos = new HashMap<>();
    private final Map<String, GitRepoSource> sources = new HashMap<>();

    FixtureRepos(FixtureUniverse universe) {
        this.universe = universe;
    }

    /** The source serving module {@code modulePath}. */
    GitRepoSource source(String modulePath) {
        return sourceOfRepo(universe.module(modulePath).repo());
    }

    GitRepoSource sourceOfRepo(String repo) {
        return sources.computeIfAbsent(repo, r -> new GitRepoSource(open(r), FixtureUniverse.MODULE_PREFIX + r,
                FixtureUniverse.GIT_URL_PREFIX + r));
    }

    private Repository open(String repo) {
        try {
            Repository r = new FileRepositoryBuilder().setGitDir(universe.repoDir(repo).toFile()).setBare().build();
            repos.put(repo, r);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repos.values().forEach(Repository::close);
    }
}
