package dev.gosync.agent.gitremote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.git.GitFile;
import dev.gosync.fixtures.git.GitRepoBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror cache: a mirror holds exactly the remote's {@code HEAD}, branches and tags; a later
 * cache on the same directory fetches only what changed, takes new refs and drops deleted ones;
 * an empty remote has no {@code HEAD}; and a cache fetches each repository once.
 */
class MirrorCacheTest {
    private static final ZonedDateTime T = ZonedDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void aMirrorHoldsTheRemotesHeadBranchesAndTagsAndFollowsThemIncrementally() throws IOException {
        Path upstream = tmp.resolve("upstream");
        try (GitRepoBuilder b = GitRepoBuilder.init(upstream)) {
            b.commit("c1", T, GitFile.text("a.txt", "1\n")).tag("v1.0.0").annotatedTag("v1.0.1", "annotated", T);
            b.branch("dev").commit("c2", T.plusHours(1), GitFile.text("a.txt", "2\n"));
        }
        String url = upstream.toUri().toString();
        try (MirrorCache cache = new MirrorCache(tmp.resolve("mirrors"), RemoteAccess.anonymous())) {
            Repository mirror = cache.mirror(url, url);
            assertEquals(refs(upstream), refs(mirror));
            assertTrue(cache.mirror(url, url) == mirror, "fetched once per cache");
        }
        try (Repository up = open(upstream)) {
            ObjectId c3 = commit(up, "c3", "3\n", up.resolve("refs/heads/main"));
            set(up, "refs/tags/v1.1.0", c3);
            set(up, "refs/heads/main", c3);
            RefUpdate delete = up.updateRef("refs/tags/v1.0.0");
            delete.setForceUpdate(true);
            delete.delete();
        }
        try (MirrorCache later = new MirrorCache(tmp.resolve("mirrors"), RemoteAccess.anonymous())) {
            Repository mirror = later.mirror(url, url);
            Map<String, String> refs = refs(mirror);
            assertEquals(refs(upstream), refs);
            assertTrue(refs.containsKey("refs/tags/v1.1.0") && !refs.containsKey("refs/tags/v1.0.0"), refs.toString());
        }
    }

    @Test
    void anEmptyRemoteLeavesTheMirrorWithoutHead() throws IOException {
        Path upstream = tmp.resolve("empty");
        GitRepoBuilder.init(upstream).close();
        String url = upstream.toUri().toString();
        try (MirrorCache cache = new MirrorCache(tmp.resolve("mirrors"), RemoteAccess.anonymous())) {
            Repository mirror = cache.mirror(url, url);
            Ref head = mirror.exactRef(Constants.HEAD);
            assertTrue(head == null || head.getObjectId() == null, String.valueOf(head));
            assertEquals(Map.of(), refs(mirror));
        }
    }

    @Test
    void theMirrorDirectoryNameHoldsNoPartOfTheUrl() throws IOException {
        Path upstream = tmp.resolve("secretive");
        try (GitRepoBuilder b = GitRepoBuilder.init(upstream)) {
            b.commit("c1", T, GitFile.text("a.txt", "1\n"));
        }
        String url = upstream.toUri().toString();
        try (MirrorCache cache = new MirrorCache(tmp.resolve("mirrors"), RemoteAccess.anonymous())) {
            cache.mirror(url, url);
        }
        try (var dirs = Files.list(tmp.resolve("mirrors"))) {
            List<String> names = dirs.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.stream().anyMatch(n -> n.contains("secretive")), names.toString());
            assertTrue(names.stream().allMatch(n -> n.matches("[0-9a-f]{64}(\\.lock)?")), names.toString());
        }
        assertEquals(List.of(), Redactor.secrets(url));
    }

    /** HEAD (peeled), branches and tags (peeled), by name: what ls-remote shows the go command. */
    private static Map<String, String> refs(Path gitDir) throws IOException {
        try (Repository repo = open(gitDir)) {
            return refs(repo);
        }
    }

    private static Map<String, String> refs(Repository repo) throws IOException {
        Map<String, String> refs = new TreeMap<>();
        for (Ref ref : repo.getRefDatabase().getRefs()) {
            if (ref.getObjectId() == null || !(ref.getName().equals(Constants.HEAD)
                    || ref.getName().startsWith(Constants.R_HEADS) || ref.getName().startsWith(Constants.R_TAGS))) {
                continue;
            }
            Ref peeled = repo.getRefDatabase().peel(ref);
            ObjectId id = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
            refs.put(ref.getName(), id.name());
        }
        return refs;
    }

    private static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().setMustExist(true).build();
    }

    private static ObjectId commit(Repository repo, String message, String content, ObjectId parent) throws IOException {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            TreeFormatter tree = new TreeFormatter();
            tree.append("a.txt", FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)));
            CommitBuilder c = new CommitBuilder();
            PersonIdent who = new PersonIdent("t", "t@example.com", T.toInstant(), ZoneOffset.UTC);
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage(message);
            c.setTreeId(ins.insert(tree));
            c.setParentId(parent);
            ObjectId id = ins.insert(c);
            ins.flush();
            return id;
        }
    }

    private static void set(Repository repo, String ref, ObjectId id) throws IOException {
        RefUpdate u = repo.updateRef(ref);
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        u.update();
    }
}
