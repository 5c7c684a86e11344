package dev.gosync.agent.vcs;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.zip.ZipSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;

/**
 * The files of a module at one commit, as the go command's direct mode puts them in the module
 * zip: every entry of the commit's tree below the module's directory, read straight from the
 * object database (no work tree), and — for a module in a subdirectory that has no LICENSE of
 * its own — the repository root's LICENSE, offered last. Symbolic links are offered as such so
 * the zip rules omit them; submodules contribute nothing, as in {@code git archive}.
 *
 * <p>{@code git archive} applies {@code .gitattributes} conversions (eol, ident) to what it
 * writes. Reproducing them is the direct-mode work still to come; until then a tree that has a
 * {@code .gitattributes} file is refused rather than zipped with possibly different bytes.
 */
public final class GitModuleFiles {
    private static final String LICENSE = "LICENSE";
    private static final String GITATTRIBUTES = ".gitattributes";

    private GitModuleFiles() {
    }

    /**
     * Lists the module files of {@code subdir} ("" for the repository root) at {@code commit}.
     *
     * @throws GosyncException if the commit cannot be read or the tree uses .gitattributes
     */
    public static List<ZipSource> list(Repository repo, ObjectId commit, String subdir) {
        String dir = subdir.isEmpty() || subdir.endsWith("/") ? subdir : subdir + "/";
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(commit);
            refuseGitAttributes(repo, c);
            List<ZipSource> files = new ArrayList<>();
            boolean haveLicense = false;
            try (TreeWalk tw = new TreeWalk(repo)) {
                tw.addTree(c.getTree());
                tw.setRecursive(true);
                if (!dir.isEmpty()) {
                    tw.setFilter(PathFilter.create(dir.substring(0, dir.length() - 1)));
                }
                while (tw.next()) {
                    String path = tw.getPathString();
                    if (!path.startsWith(dir)) {
                        continue;
                    }
                    FileMode mode = tw.getFileMode(0);
                    if (mode == FileMode.GITLINK) {
                        continue;
                    }
                    String name = path.substring(dir.length());
                    haveLicense |= name.equals(LICENSE);
                    files.add(new BlobSource(repo, name, tw.getObjectId(0),
                            mode == FileMode.SYMLINK ? ZipSource.Kind.SYMLINK : ZipSource.Kind.REGULAR));
                }
            }
            if (!haveLicense && !dir.isEmpty()) {
                try (TreeWalk root = TreeWalk.forPath(repo, LICENSE, c.getTree())) {
                    if (root != null && root.getFileMode(0) != FileMode.TREE && root.getFileMode(0) != FileMode.GITLINK) {
                        files.add(new BlobSource(repo, LICENSE, root.getObjectId(0), ZipSource.Kind.REGULAR));
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new GosyncException("cannot read commit " + commit.name() + " of " + repo.getIdentifier()
                    + ": " + e.getMessage(), "check that the repository is complete (git fsck)", e);
        }
    }

    private static void refuseGitAttributes(Repository repo, RevCommit c) throws IOException {
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            tw.setFilter(PathSuffixFilter.create(GITATTRIBUTES));
            while (tw.next()) {
                if (tw.getNameString().equals(GITATTRIBUTES)) {
                    throw new GosyncException("commit " + c.name() + " has " + tw.getPathString()
                            + ": zipping trees with .gitattributes is not supported yet",
                            "fetch this module through a GOPROXY instead of from git");
                }
            }
        }
    }

    /** A blob offered to the zip writer; its size comes from the object database, its bytes are streamed. */
    private record BlobSource(Repository repo, String path, ObjectId blob, Kind kind) implements ZipSource {
        @Override
        public long size() {
            try {
                return repo.getObjectDatabase().open(blob).getSize();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read blob " + blob.name() + " (" + path + ")", e);
            }
        }

        @Override
        public InputStream open() throws IOException {
            ObjectLoader loader = repo.getObjectDatabase().open(blob);
            return loader.openStream();
        }
    }
}
