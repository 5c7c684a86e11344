package dev.gosync.agent.vcs;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.semver.PseudoVersion;
import dev.gosync.gomod.semver.Semver;
import dev.gosync.gomod.store.ModuleNotFoundException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefDatabase;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A git repository as the go command's {@code codehost} layer sees a remote one
 * ({@code gitRepo}): only {@code HEAD}, {@code refs/heads/*} and {@code refs/tags/*} exist, an
 * annotated tag stands for the commit it peels to, and a commit is known only when one of those
 * refs reaches it. The refs are read once, on first use: the answers describe one snapshot.
 *
 * <p>Where the go command's answers depend on what its own clone already holds, this class answers
 * as a clone that has fetched everything would: the local repository holds every commit.
 */
final class GitRepo {
    /** The shortest hash prefix taken for a commit (the go command's {@code minHashDigits}). */
    static final int MIN_HASH_DIGITS = 7;
    private static final int HASH_DIGITS = Constants.OBJECT_ID_STRING_LENGTH;
    private static final String HEAD = Constants.HEAD;
    private static final String TAGS = Constants.R_TAGS;
    private static final String HEADS = Constants.R_HEADS;
    private static final String REMEDY = "check that the repository is complete (git fsck)";

    private final Repository repo;
    private final String url;
    private final Map<String, Revision> statCache = new ConcurrentHashMap<>();
    private Map<String, String> refs;

    /** @param url the URL the go command would fetch the repository from, recorded in origins */
    GitRepo(Repository repo, String url) {
        this.repo = repo;
        this.url = url;
    }

    String url() {
        return url;
    }

    /** A tag and the commit hash it peels to. */
    record Tag(String name, String hash) {
    }

    /**
     * The tags with a prefix, sorted by name, and the go command's checksum over them.
     *
     * @param tagSum {@code t1:} and the base64 SHA-256 of {@code "%q %s\n"} (name, hash) for each tag
     *               whose part after the prefix's directory looks like a version (not a pseudo-version)
     */
    record Tags(String prefix, List<Tag> list, String tagSum) {
    }

    /** Where this repository is, for messages. */
    String describe() {
        return repo.getDirectory() != null ? repo.getDirectory().toString() : repo.getIdentifier();
    }

    /** The refs the go command would see through {@code git ls-remote}, by name, each with the hash it peels to. */
    synchronized Map<String, String> refs() {
        if (refs == null) {
            refs = loadRefs();
        }
        return refs;
    }

    private Map<String, String> loadRefs() {
        Map<String, String> loaded = new TreeMap<>(GoStrings.BYTE_ORDER);
        try {
            RefDatabase db = repo.getRefDatabase();
            Ref head = db.exactRef(HEAD);
            if (head != null && head.getObjectId() != null) {
                loaded.put(HEAD, peeled(db, head));
            }
            for (Ref ref : db.getRefsByPrefix(HEADS)) {
                loaded.put(ref.getName(), peeled(db, ref));
            }
            for (Ref ref : db.getRefsByPrefix(TAGS)) {
                loaded.put(ref.getName(), peeled(db, ref));
            }
        } catch (IOException e) {
            throw unreadable("its refs", e);
        }
        return loaded;
    }

    private static String peeled(RefDatabase db, Ref ref) throws IOException {
        Ref p = db.peel(ref);
        ObjectId id = p.getPeeledObjectId() != null ? p.getPeeledObjectId() : p.getObjectId();
        return id.name();
    }

    /** The tags whose names start with prefix ({@code codehost}'s {@code Tags}). */
    Tags tags(String prefix) {
        List<Tag> list = new ArrayList<>();
        for (Map.Entry<String, String> ref : refs().entrySet()) {
            if (ref.getKey().startsWith(TAGS) && ref.getKey().startsWith(prefix, TAGS.length())) {
                list.add(new Tag(ref.getKey().substring(TAGS.length()), ref.getValue()));
            }
        }
        String dir = prefix.substring(0, prefix.lastIndexOf('/') + 1);
        MessageDigest sha256 = sha256();
        for (Tag tag : list) {
            if (isOriginTag(tag.name().substring(tag.name().startsWith(dir) ? dir.length() : 0))) {
                sha256.update(GoStrings.bytes(GoStrings.quote(tag.name()) + " " + tag.hash() + "\n"));
            }
        }
        return new Tags(prefix, list, "t1:" + Base64.getEncoder().encodeToString(sha256.digest()));
    }

    /**
     * Whether a tag can matter to a version list or a pseudo-version: its canonical form is a
     * prefix of it (so {@code v1.2.3+meta} counts, {@code v1.2} does not) and it is no pseudo-version.
     */
    private static boolean isOriginTag(String tag) {
        String canonical = Semver.canonical(tag);
        return !canonical.isEmpty() && tag.startsWith(canonical) && !PseudoVersion.isPseudoVersion(tag);
    }

    /**
     * Looks up a revision: a hash prefix of at least {@value #MIN_HASH_DIGITS} hex digits, a tag,
     * a branch or {@code HEAD}.
     *
     * @throws UnknownRevisionException if nothing the refs reach answers to it
     * @throws AmbiguousRevisionException if a hash prefix names several ref tips
     */
    Revision stat(String rev) {
        Revision cached = statCache.get(rev);
        if (cached != null) {
            return cached;
        }
        Revision found = lookup(rev);
        statCache.put(rev, found);
        return found;
    }

    private Revision lookup(String rev) {
        Map<String, String> refs = refs();
        try (RevWalk walk = new RevWalk(repo)) {
            boolean hex = isHashPrefix(rev);
            if (hex) {
                List<RevCommit> commits = reachableCommits(walk, rev);
                if (commits.size() == 1) {
                    return revision(walk, commits.get(0), rev, "");
                }
            }
            if (refs.containsKey(TAGS + rev)) {
                return revision(walk, walk.parseCommit(ObjectId.fromString(refs.get(TAGS + rev))), rev, TAGS + rev);
            }
            if (refs.containsKey(HEADS + rev)) {
                String hash = refs.get(HEADS + rev);
                return revision(walk, walk.parseCommit(ObjectId.fromString(hash)), hash, HEADS + rev);
            }
            if (rev.equals(HEAD) && refs.containsKey(HEAD)) {
                String hash = refs.get(HEAD);
                return revision(walk, walk.parseCommit(ObjectId.fromString(hash)), hash, HEAD);
            }
            if (hex) {
                return refTipWithPrefix(walk, rev);
            }
            throw new UnknownRevisionException(rev);
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            throw new UnknownRevisionException(rev);
        } catch (IOException e) {
            throw unreadable("revision " + rev, e);
        }
    }

    /**
     * No single reachable commit has the prefix (none, or several): the go command then falls back
     * on the ref tips, taking the one tip the prefix names and recording the first such ref by name.
     */
    private Revision refTipWithPrefix(RevWalk walk, String prefix) throws IOException {
        String ref = "";
        String hash = "";
        for (Map.Entry<String, String> r : refs().entrySet()) {
            if (r.getValue().startsWith(prefix)) {
                if (!hash.isEmpty() && !hash.equals(r.getValue())) {
                    throw new AmbiguousRevisionException(prefix);
                }
                if (ref.isEmpty()) {
                    ref = r.getKey();
                }
                hash = r.getValue();
            }
        }
        if (hash.isEmpty()) {
            throw new UnknownRevisionException(prefix);
        }
        return revision(walk, walk.parseCommit(ObjectId.fromString(hash)), hash, ref);
    }

    private static boolean isHashPrefix(String rev) {
        return rev.length() >= MIN_HASH_DIGITS && rev.length() <= HASH_DIGITS
                && rev.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** The commits with the hash prefix that some ref reaches. */
    private List<RevCommit> reachableCommits(RevWalk walk, String prefix) throws IOException {
        ObjectReader reader = walk.getObjectReader();
        Collection<ObjectId> ids = reader.resolve(AbbreviatedObjectId.fromString(prefix));
        Set<ObjectId> wanted = new HashSet<>();
        for (ObjectId id : ids) {
            if (reader.open(id).getType() == Constants.OBJ_COMMIT) {
                wanted.add(id);
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        walk.reset();
        for (String hash : new TreeSet<>(refs().values())) {
            try {
                walk.markStart(walk.parseCommit(ObjectId.fromString(hash)));
            } catch (IncorrectObjectTypeException e) {
                // A tag of a tree or blob reaches no commit.
            }
        }
        List<RevCommit> found = new ArrayList<>();
        for (RevCommit c : walk) {
            if (wanted.remove(c)) {
                found.add(c);
                if (wanted.isEmpty()) {
                    break;
                }
            }
        }
        walk.reset();
        return found;
    }

    private Revision revision(RevWalk walk, RevCommit commit, String version, String ref) throws IOException {
        walk.parseHeaders(commit);
        String hash = commit.name();
        List<String> tags = new ArrayList<>();
        for (Map.Entry<String, String> r : refs().entrySet()) {
            if (r.getKey().startsWith(TAGS) && r.getValue().equals(hash)) {
                tags.add(r.getKey().substring(TAGS.length()));
            }
        }
        String asked = tags.contains(version) ? version : hash;
        return new Revision(hash, commit.getCommitterIdent().getWhenAsInstant(), tags, asked, ref);
    }

    /**
     * The revision of the default branch ({@code HEAD}), recorded as reached through it.
     *
     * @throws UnknownRevisionException if the repository has no commits
     */
    Revision latest() {
        String head = refs().get(HEAD);
        if (head == null) {
            throw new UnknownRevisionException(HEAD, "no commits");
        }
        return stat(head).withRef(HEAD);
    }

    /**
     * The blob at {@code file} in the tree of {@code rev}, or empty when there is none (no entry,
     * a directory or a submodule). A symbolic link yields its target, as {@code git cat-file} does.
     *
     * @throws UnknownRevisionException if rev is unknown
     * @throws GitSourceException if the blob is larger than {@code maxSize} or cannot be read
     */
    Optional<byte[]> readFile(String rev, String file, int maxSize) {
        Revision r = stat(rev);
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(r.hash()));
            try (TreeWalk tw = TreeWalk.forPath(repo, file, commit.getTree())) {
                if (tw == null || tw.getFileMode(0) == FileMode.TREE || tw.getFileMode(0) == FileMode.GITLINK) {
                    return Optional.empty();
                }
                ObjectLoader loader = repo.open(tw.getObjectId(0));
                if (loader.getSize() > maxSize) {
                    throw new GitSourceException(file + " at revision " + rev + " in " + describe() + " is larger than "
                            + maxSize + " bytes", "the go command would not accept such a file in a module either");
                }
                return Optional.of(loader.getBytes());
            }
        } catch (IOException e) {
            throw unreadable(file + " at revision " + rev, e);
        }
    }

    /**
     * The highest tag (by the semantic-version order of what follows {@code prefix}) that starts
     * with prefix, passes {@code allowed} and points at rev or one of its ancestors; "" if none.
     * Ties keep the first by name, as {@code git for-each-ref --merged} lists them.
     */
    String recentTag(String rev, String prefix, Predicate<String> allowed) {
        Revision r = stat(rev);
        List<Tag> usable = tags(prefix).list().stream().filter(t -> allowed.test(t.name())).toList();
        if (usable.isEmpty()) {
            return "";
        }
        Set<String> reachable = reachableAmong(r.hash(), usable.stream().map(Tag::hash).collect(Collectors.toSet()));
        String highest = "";
        String best = "";
        for (Tag tag : usable) {
            String semtag = tag.name().substring(prefix.length());
            if (reachable.contains(tag.hash()) && Semver.compare(semtag, highest) > 0) {
                highest = semtag;
                best = tag.name();
            }
        }
        return best;
    }

    /** Which of the commits are rev itself or its ancestors; walks no further than needed. */
    private Set<String> reachableAmong(String rev, Set<String> commits) {
        Set<String> pending = new HashSet<>(commits);
        Set<String> found = new HashSet<>();
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(rev)));
            for (RevCommit c : walk) {
                if (pending.remove(c.name())) {
                    found.add(c.name());
                    if (pending.isEmpty()) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw unreadable("the history of " + rev, e);
        }
        return found;
    }

    /** Whether the tag points at rev or one of its ancestors ({@code git merge-base --is-ancestor}). */
    boolean descendsFrom(String rev, String tag) {
        String tagHash = refs().get(TAGS + tag);
        if (tagHash == null) {
            return false;
        }
        Revision r = stat(rev);
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit base = walk.parseCommit(ObjectId.fromString(tagHash));
            return walk.isMergedInto(base, walk.parseCommit(ObjectId.fromString(r.hash())));
        } catch (IncorrectObjectTypeException e) {
            return false;
        } catch (IOException e) {
            throw unreadable("the history of " + rev, e);
        }
    }

    /** The JGit repository, for readers of trees and blobs. */
    Repository repository() {
        return repo;
    }

    GitSourceException unreadable(String what, IOException e) {
        return new GitSourceException("cannot read " + what + " in " + describe() + ": " + e.getMessage(), REMEDY, e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** No ref reaches the revision (the go command's {@code UnknownRevisionError}, a "not found"). */
    static final class UnknownRevisionException extends ModuleNotFoundException {
        UnknownRevisionException(String rev) {
            this(rev, "unknown revision " + rev);
        }

        UnknownRevisionException(String rev, String message) {
            super(message, "check the version, branch or commit; only commits reachable from HEAD, branches and tags"
                    + " count");
        }
    }

    /** A hash prefix names more than one ref tip. */
    static final class AmbiguousRevisionException extends GitSourceException {
        AmbiguousRevisionException(String rev) {
            super("ambiguous revision " + rev, "give more hex digits of the commit hash");
        }
    }
}
