package dev.gosync.agent.vcs;

import dev.gosync.fixtures.git.GitFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A small repository for tests that need trees the fixture universe does not have: commits are
 * written object by object, refs only where a test asks for them.
 */
final class TestRepo implements AutoCloseable {
    static final Instant WHEN = Instant.parse("2024-05-06T07:08:09Z");

    private final Repository repo;

    private TestRepo(Repository repo) {
        this.repo = repo;
    }

    static TestRepo inMemory() {
        return new TestRepo(new InMemoryRepository(new DfsRepositoryDescription("test")));
    }

    /** A new bare repository at gitDir, which the real git can read too. */
    static TestRepo bare(Path gitDir) {
        try {
            Repository r = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
            r.create(true);
            return new TestRepo(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Repository repository() {
        return repo;
    }

    /** A commit holding files, without parent. */
    ObjectId commit(GitFile... files) {
        return commit(null, WHEN, files);
    }

    ObjectId commit(ObjectId parent, Instant when, GitFile... files) {
        return commit(parent, when, null, files);
    }

    /** A commit holding files and a submodule (a gitlink entry) at {@code submodule}. */
    ObjectId commitWithSubmodule(String submodule, GitFile... files) {
        return commit(null, WHEN, submodule, files);
    }

    private ObjectId commit(ObjectId parent, Instant when, String submodule, GitFile... files) {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (GitFile f : files) {
                DirCacheEntry e = new DirCacheEntry(f.path());
                e.setFileMode(switch (f.mode()) {
                    case REGULAR -> FileMode.REGULAR_FILE;
                    case EXECUTABLE -> FileMode.EXECUTABLE_FILE;
                    case SYMLINK -> FileMode.SYMLINK;
                });
                e.setObjectId(inserter.insert(Constants.OBJ_BLOB, f.bytes()));
                builder.add(e);
            }
            if (submodule != null) {
                DirCacheEntry e = new DirCacheEntry(submodule);
                e.setFileMode(FileMode.GITLINK);
                e.setObjectId(ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
                builder.add(e);
            }
            builder.finish();
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(index.writeTree(inserter));
            if (parent != null) {
                c.setParentId(parent);
            }
            PersonIdent who = new PersonIdent("Ada", "ada@example.com", when, ZoneOffset.UTC);
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage("test\n");
            ObjectId id = inserter.insert(c);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points ref (such as {@code refs/heads/main} or {@code refs/tags/v1.0.0}) at id. */
    TestRepo ref(String name, ObjectId id) {
        try {
            RefUpdate u = repo.updateRef(name);
            u.setNewObjectId(id);
            u.setForceUpdate(true);
            u.update();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes HEAD a symbolic ref to branch. */
    TestRepo head(String branch) {
        try {
            repo.updateRef(Constants.HEAD).link(Constants.R_HEADS + branch);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
