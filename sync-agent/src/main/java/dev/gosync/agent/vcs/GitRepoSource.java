package dev.gosync.agent.vcs;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.semver.InvalidVersionException;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.store.RevInfo;
import dev.gosync.gomod.zip.ModuleZips;
import dev.gosync.gomod.zip.ZipSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The modules of one local git repository, answered exactly as the go command answers them in
 * direct mode ({@code GOPROXY=direct}) for the repository's URL: versions from tags, pseudo-versions
 * for other commits, {@code .info} with the origin the go command records, the go.mod (or the one
 * it synthesizes) and the module zip {@code git archive} would give it.
 *
 * <p>The repository (bare or not) is read through JGit and never changed; its refs are read once,
 * on first use, so a source answers for one snapshot of the repository. Only {@code HEAD},
 * branches and tags count, as they would on the remote; commits none of them reaches are unknown.
 */
public final class GitRepoSource implements ModuleSource {
    private final GitRepo git;
    private final String rootPath;
    private final String subdir;
    private final Map<String, CodeRepo> modules = new ConcurrentHashMap<>();

    /**
     * @param repo     the repository; the caller keeps it open while the source is used, and closes it
     * @param rootPath the import path of the repository root, such as {@code github.com/org/repo}
     * @param url      the URL the go command would fetch the repository from (recorded in every
     *                 {@code .info}), such as {@code https://github.com/org/repo}
     */
    public GitRepoSource(Repository repo, String rootPath, String url) {
        this(repo, rootPath, "", url);
    }

    /**
     * @param subdir the directory of the repository holding its modules, as the fourth field of a
     *               {@code go-import} declaration gives it, or "" for the root
     */
    public GitRepoSource(Repository repo, String rootPath, String subdir, String url) {
        Objects.requireNonNull(repo, "repo");
        this.rootPath = Objects.requireNonNull(rootPath, "rootPath");
        this.subdir = Objects.requireNonNull(subdir, "subdir");
        if (!subdir.isEmpty() && Arrays.stream(subdir.split("/", -1))
                .anyMatch(e -> e.isEmpty() || e.equals(".") || e.equals(".."))) {
            throw new IllegalArgumentException("subdir must be a clean relative path: " + GoStrings.quote(subdir));
        }
        this.git = new GitRepo(repo, Objects.requireNonNull(url, "url"));
    }

    /**
     * The module's versions as the go command lists them in direct mode: its canonical tags, sorted,
     * then the {@code +incompatible} ones it allows. Retracted versions are included.
     */
    @Override
    public List<String> versions(String modulePath) {
        return module(modulePath).versions();
    }

    /**
     * The {@code .info} of a canonical version. Its {@code Origin} carries every field the go
     * command computes ({@link RevInfo#toJson()} keeps those it caches).
     *
     * @throws ModuleNotFoundException if there is no such version
     * @throws InvalidVersionException if the version is not canonical, or the commit cannot carry it
     *                                 (a pseudo-version with the wrong time, revision or base, a
     *                                 major version the module path does not allow)
     */
    @Override
    public RevInfo info(ModuleVersion version) {
        requireCanonical(version);
        return revInfo(module(version.path()).stat(version.version()));
    }

    /**
     * Resolves a branch, {@code HEAD}, a tag, a commit hash (at least 7 hex digits) or
     * {@code latest} to the version the go command makes of it: the commit's highest usable tag,
     * else a pseudo-version on the highest tag below it.
     */
    @Override
    public RevInfo query(String modulePath, String query) {
        return revInfo(module(modulePath).stat(query));
    }

    /** The version of the commit at {@code HEAD}; empty for an empty repository or when no module is there. */
    @Override
    public Optional<RevInfo> latest(String modulePath) {
        try {
            return Optional.of(revInfo(module(modulePath).latest()));
        } catch (ModuleNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream goMod(ModuleVersion version) {
        return new ByteArrayInputStream(module(version.path()).goMod(version.version()));
    }

    /**
     * The module zip, written to a temporary file that the returned stream deletes when closed.
     *
     * @throws GitSourceException if the tree cannot be read or uses git attributes that cannot be
     *                            reproduced
     * @throws dev.gosync.gomod.zip.ModuleZipException if the files break the module zip rules
     */
    @Override
    public InputStream zip(ModuleVersion version) {
        CodeRepo.Located located = module(version.path()).locate(version.version());
        List<ZipSource> files = GitModuleFiles.list(git.repository(), ObjectId.fromString(located.commit()), located.dir());
        Path temp = null;
        try {
            temp = Files.createTempFile("gosync-git-", ".zip");
            try (OutputStream out = Files.newOutputStream(temp)) {
                ModuleZips.create(version, files, out);
            }
            return DeletingInputStream.open(temp);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new GitSourceException("cannot write the zip of " + version + " to a temporary file: " + e.getMessage(),
                    "check the space and permissions of the temporary directory (java.io.tmpdir)", e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** The repository URL, as recorded in origins. */
    @Override
    public String describe() {
        return git.url();
    }

    private CodeRepo module(String modulePath) {
        return modules.computeIfAbsent(modulePath,
                p -> new CodeRepo(git, ModuleLayout.of(p, rootPath, subdir)));
    }

    private static RevInfo revInfo(CodeRepo.Resolved r) {
        return new RevInfo(r.version(), r.time().toString(), r.origin().toJson());
    }

    private static void requireCanonical(ModuleVersion version) {
        String canonical = ModulePath.canonicalVersion(version.version());
        if (!version.version().equals(canonical)) {
            throw new InvalidVersionException(version.version(), version + ": version " + version.version()
                    + " is not canonical", "use query() for versions that are not canonical");
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException suppressed) {
                // The temporary file is left behind; the original failure matters more.
            }
        }
    }
}
