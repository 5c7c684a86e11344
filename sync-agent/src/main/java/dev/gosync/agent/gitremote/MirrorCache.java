package dev.gosync.agent.gitremote;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * Bare mirrors of remote repositories, one directory per fetch URL under the cache directory
 * (named by the URL's SHA-256, so no credential is ever part of a path). A mirror holds what
 * {@code git ls-remote} would show the go command: {@code HEAD} (detached at the remote's
 * {@code HEAD} commit), {@code refs/heads/*} and {@code refs/tags/*}, pruned of refs the remote
 * no longer has; it is brought up to date by an incremental fetch once per cache instance (that
 * is, once per export), and read straight from its object database, never checked out.
 *
 * <p>Fetches are whole: a depth-limited or blob-filtered mirror would give the same answers only
 * for tagged versions, while pseudo-versions and version lists need the history between tags,
 * and JGit cannot fetch missing objects later on demand. After the first fetch, incremental
 * fetches move only new objects. A file lock per mirror keeps concurrent gosync processes apart.
 */
public final class MirrorCache implements AutoCloseable {
    private static final List<RefSpec> REFS = List.of(
            new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"));
    /** Where a remote HEAD that no branch or tag reaches is kept, so that its commit stays in the mirror. */
    private static final String DETACHED_HEAD = "refs/gosync/head";
    /** What HEAD points to when the remote has none (an empty repository): a ref that never exists. */
    private static final String NO_HEAD = "refs/gosync/no-head";

    private final Path dir;
    private final RemoteAccess access;
    private final Map<String, CompletableFuture<Repository>> mirrors = new ConcurrentHashMap<>();
    /**
     * File locks belong to the whole JVM, which refuses a second lock on the same file: caches of
     * one process that share a directory take turns here before locking against other processes.
     */
    private static final Map<Path, Object> PROCESS_LOCKS = new ConcurrentHashMap<>();

    public MirrorCache(Path dir, RemoteAccess access) {
        IsolatedJGit.install();
        this.dir = dir;
        this.access = access;
    }

    /**
     * The mirror of the repository at {@code fetchUrl}, brought up to date on first use.
     *
     * @param shownUrl the URL to name in messages (the one before rewriting, as the user knows it)
     * @throws RemoteGitException if the repository cannot be reached or mirrored
     */
    public Repository mirror(String fetchUrl, String shownUrl) {
        CompletableFuture<Repository> future = mirrors.computeIfAbsent(fetchUrl, u -> new CompletableFuture<>());
        synchronized (future) {
            if (!future.isDone()) {
                try {
                    future.complete(update(fetchUrl, Redactor.redact(shownUrl)));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /** Whether a git repository answers at the URL (the go command's {@code git ls-remote} probe). */
    public boolean answers(String fetchUrl) {
        try (Transport transport = Transport.open(new URIish(fetchUrl))) {
            access.configure(transport);
            try (FetchConnection connection = transport.openFetch()) {
                connection.getRefs();
                return true;
            }
        } catch (java.net.URISyntaxException | IOException e) {
            return false;
        }
    }

    private Repository update(String fetchUrl, String shownUrl) {
        // Named after the URL without credentials: a directory name is no place for a token.
        Path gitDir = dir.resolve(hash(Redactor.withoutUserInfo(fetchUrl)));
        try {
            Files.createDirectories(dir);
            Path lockPath = dir.resolve(gitDir.getFileName() + ".lock").toAbsolutePath().normalize();
            synchronized (PROCESS_LOCKS.computeIfAbsent(lockPath, p -> new Object())) {
                return locked(lockPath, gitDir, fetchUrl, shownUrl);
            }
        } catch (IOException e) {
            throw new RemoteGitException("cannot keep a mirror of " + shownUrl + " in " + gitDir + ": "
                    + clean(e.getMessage(), fetchUrl),
                    "check the space and permissions of the cache directory, or delete " + gitDir + " to start over");
        }
    }

    /** Creates or updates the mirror while holding its file lock, against other processes. */
    private Repository locked(Path lockPath, Path gitDir, String fetchUrl, String shownUrl) throws IOException {
        try (FileChannel lockFile = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
            try {
                if (!repo.getObjectDatabase().exists()) {
                    repo.create(true);
                    Files.writeString(gitDir.resolve("gosync-url"), Redactor.withoutUserInfo(fetchUrl) + "\n",
                            StandardCharsets.UTF_8);
                }
                fetch(repo, fetchUrl, shownUrl);
                return repo;
            } catch (RuntimeException | IOException e) {
                repo.close();
                throw e;
            }
        }
    }

    private void fetch(Repository repo, String fetchUrl, String shownUrl) throws IOException {
        try (Transport transport = Transport.open(repo, new URIish(fetchUrl))) {
            access.configure(transport);
            transport.setTagOpt(TagOpt.NO_TAGS);
            transport.setRemoveDeletedRefs(true);
            FetchResult result = transport.fetch(NullProgressMonitor.INSTANCE, REFS);
            Ref head = result.getAdvertisedRef(Constants.HEAD);
            if (head != null && head.getObjectId() != null && !repo.getObjectDatabase().has(head.getObjectId())) {
                transport.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+HEAD:" + DETACHED_HEAD)));
            }
            setHead(repo, head == null ? null : head.getObjectId());
        } catch (java.net.URISyntaxException e) {
            throw new RemoteGitException("invalid repository URL " + Redactor.redact(fetchUrl) + " for " + shownUrl
                    + ": " + e.getReason(), "fix the url.<base>.insteadOf or --vcs-map entry that produced it");
        } catch (NotSupportedException e) {
            throw new RemoteGitException("cannot fetch " + shownUrl + via(fetchUrl, shownUrl) + ": "
                    + clean(e.getMessage(), fetchUrl), "use an https, ssh or file URL for the repository");
        } catch (TransportException e) {
            throw new RemoteGitException("cannot fetch " + shownUrl + via(fetchUrl, shownUrl) + ": "
                    + clean(e.getMessage(), fetchUrl),
                    "check that the repository exists and is reachable, and the credentials for it (.netrc, GOAUTH,"
                            + " ssh keys)");
        }
    }

    /** A message without the URL's password or the Authorization header sent to it. */
    private String clean(String message, String fetchUrl) {
        String header = null;
        try {
            header = access.authorization(new URIish(fetchUrl)).orElse(null);
        } catch (java.net.URISyntaxException e) {
            // No header was sent to a URL that does not parse.
        }
        String token = header == null || header.indexOf(' ') < 0 ? header : header.substring(header.indexOf(' ') + 1);
        List<String> secrets = new ArrayList<>(Redactor.secrets(fetchUrl));
        secrets.add(header);
        secrets.add(token);
        String clean = Redactor.redact(message, secrets);
        // JGit starts its messages with the URL, which the message around this one names already.
        String url = Redactor.withoutUserInfo(fetchUrl);
        for (String repeated : List.of(url + ": ", url + "/: ", url + ".git: ")) {
            if (clean.startsWith(repeated)) {
                return clean.substring(repeated.length());
            }
        }
        return clean;
    }

    private static String via(String fetchUrl, String shownUrl) {
        String fetched = Redactor.withoutUserInfo(fetchUrl);
        return fetched.equals(shownUrl) ? "" : " (rewritten to " + fetched + ")";
    }

    private static void setHead(Repository repo, ObjectId head) throws IOException {
        RefUpdate update = repo.updateRef(Constants.HEAD, head != null);
        RefUpdate.Result result;
        if (head == null) {
            result = update.link(NO_HEAD);
        } else {
            update.setNewObjectId(head);
            update.setForceUpdate(true);
            result = update.forceUpdate();
        }
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot set HEAD of the mirror " + repo.getDirectory() + ": " + result);
        }
    }

    private static String hash(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Closes the mirrors opened by this cache. */
    @Override
    public void close() {
        for (CompletableFuture<Repository> f : mirrors.values()) {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                f.join().close();
            }
        }
    }
}
