package dev.gosync.agent.direct;

import dev.gosync.agent.discovery.DiscoveryException;
import dev.gosync.agent.discovery.Govcs;
import dev.gosync.agent.discovery.RepoRoot;
import dev.gosync.agent.discovery.RepoRootFinder;
import dev.gosync.agent.gitconfig.UrlRewrites;
import dev.gosync.agent.gitremote.MirrorCache;
import dev.gosync.agent.gitremote.RemoteGitException;
import dev.gosync.agent.vcs.GitRepoSource;
import dev.gosync.agent.vcs.GitSourceException;
import dev.gosync.bundle.manifest.Redaction;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.store.RevInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.jgit.lib.Repository;

/**
 * Modules straight from version control, as the go command's direct mode gets them:
 *
 * <ol>
 *   <li>the repository of a module path comes from a {@code --vcs-map} mapping if one covers it,
 *       else from the go command's rules and {@code ?go-get=1} discovery ({@link RepoRootFinder});
 *       GOVCS is checked either way;
 *   <li>a {@code go-import} entry of kind {@code mod} hands the module to that module proxy;
 *   <li>the repository URL is rewritten by the user's {@code url.<base>.insteadOf} settings, as git
 *       would rewrite it for the go command, and fetched into a cached bare mirror
 *       ({@link MirrorCache}), once per source;
 *   <li>{@link GitRepoSource} answers from the mirror, recording the URL before rewriting in
 *       every origin, as the go command does.
 * </ol>
 *
 * Only git is implemented: a module in a Mercurial, Subversion, Bazaar or Fossil repository fails
 * with an error that says so. Sources are safe for concurrent use; close one to close its mirrors.
 */
public final class DirectSource implements ModuleSource, AutoCloseable {
    private final VcsMap vcsMap;
    private final Govcs govcs;
    private final RepoRootFinder finder;
    private final UrlRewrites rewrites;
    private final MirrorCache mirrors;
    private final Function<String, ModuleSource> modProxy;
    private final Map<String, CompletableFuture<ModuleSource>> byModule = new ConcurrentHashMap<>();
    private final Map<String, GitRepoSource> byRepo = new ConcurrentHashMap<>();

    /**
     * @param modProxy the module proxy at a base URL, for {@code mod} entries of go-import tags
     */
    public DirectSource(VcsMap vcsMap, Govcs govcs, RepoRootFinder finder, UrlRewrites rewrites, MirrorCache mirrors,
                        Function<String, ModuleSource> modProxy) {
        this.vcsMap = vcsMap;
        this.govcs = govcs;
        this.finder = finder;
        this.rewrites = rewrites;
        this.mirrors = mirrors;
        this.modProxy = modProxy;
    }

    @Override
    public List<String> versions(String modulePath) {
        return source(modulePath, modulePath).versions(modulePath);
    }

    @Override
    public RevInfo info(ModuleVersion version) {
        return source(version.path(), version.toString()).info(version);
    }

    @Override
    public RevInfo query(String modulePath, String query) {
        return source(modulePath, modulePath + "@" + query).query(modulePath, query);
    }

    @Override
    public Optional<RevInfo> latest(String modulePath) {
        return source(modulePath, modulePath + "@latest").latest(modulePath);
    }

    @Override
    public InputStream goMod(ModuleVersion version) {
        return source(version.path(), version.toString()).goMod(version);
    }

    @Override
    public InputStream zip(ModuleVersion version) {
        return source(version.path(), version.toString()).zip(version);
    }

    @Override
    public String describe() {
        return "direct";
    }

    /** Where the module's repository is, as found (mapping, rules or discovery), before URL rewriting. */
    public RepoRoot repoRoot(String modulePath) {
        Optional<RepoRoot> mapped = vcsMap.find(modulePath);
        if (mapped.isPresent()) {
            govcs.check(RepoRoot.GIT, mapped.get().root());
            return mapped.get();
        }
        return finder.find(modulePath);
    }

    /**
     * The source of the module's repository, found once; a failure to find or fetch it is thrown
     * again for every request, prefixed like the go command prefixes it ({@code path@version: }).
     */
    private ModuleSource source(String modulePath, String subject) {
        CompletableFuture<ModuleSource> future = byModule.computeIfAbsent(modulePath, p -> new CompletableFuture<>());
        synchronized (future) {
            if (!future.isDone()) {
                try {
                    future.complete(locate(modulePath));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            throw prefixed(subject, (RuntimeException) e.getCause());
        }
    }

    private static RuntimeException prefixed(String subject, RuntimeException e) {
        if (e instanceof DiscoveryException d) {
            return new DiscoveryException(subject + ": " + d.getMessage(), d.remedy());
        }
        if (e instanceof RemoteGitException r) {
            return new RemoteGitException(subject + ": " + r.getMessage(), r.remedy());
        }
        if (e instanceof GitSourceException g) {
            return new GitSourceException(subject + ": " + g.getMessage(), g.remedy(), g);
        }
        if (e instanceof GosyncException g) {
            return new GosyncException(subject + ": " + g.getMessage(), g.remedy(), g);
        }
        return e;
    }

    private ModuleSource locate(String modulePath) {
        RepoRoot root = repoRoot(modulePath);
        if (root.vcs().equals(RepoRoot.MOD)) {
            return modProxy.apply(root.repo());
        }
        if (!root.vcs().equals(RepoRoot.GIT)) {
            throw new GitSourceException("the repository of module " + modulePath + " is a " + vcsName(root.vcs()) + " repository ("
                    + root.repo() + "); gosync fetches only git repositories",
                    "fetch this module through a module proxy, or mirror the repository into git and map the module to"
                            + " it with --vcs-map " + root.root() + "=<git URL>");
        }
        String key = root.repo() + "\n" + root.root() + "\n" + root.subdir();
        GitRepoSource found = byRepo.get(key);
        if (found != null) {
            return found;
        }
        Repository repo = mirrors.mirror(rewrites.rewrite(root.repo()), root.repo());
        return byRepo.computeIfAbsent(key,
                k -> new GitRepoSource(repo, root.root(), root.subdir(), Redaction.withoutUserInfo(root.repo())));
    }

    private static String vcsName(String vcs) {
        return switch (vcs) {
            case "hg" -> "Mercurial (hg)";
            case "svn" -> "Subversion (svn)";
            case "bzr" -> "Bazaar (bzr)";
            case "fossil" -> "Fossil";
            default -> vcs;
        };
    }

    @Override
    public void close() {
        mirrors.close();
    }
}
