package dev.gosync.agent.vcs;

import dev.gosync.gomod.zip.ZipSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesNodeProvider;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The files of a module at one commit, as the go command's direct mode puts them in the module
 * zip: every entry of the commit's tree below the module's directory, with the bytes
 * {@code git archive} writes for it ({@link WorkTreeConversion}, driven by the tree's own
 * {@code .gitattributes} files), and — for a module in a subdirectory that has no LICENSE of its
 * own — the repository root's LICENSE, as stored, offered last. Symbolic links are offered as
 * such so the zip rules omit them; submodules contribute nothing, as in {@code git archive}.
 *
 * <p>Only the attributes in the tree count: the go command archives from a fresh clone whose own
 * attributes file just switches export-subst and export-ignore off, and this class applies
 * neither. Attribute files git would read differently ({@link GitAttributesFiles}) are refused.
 */
public final class GitModuleFiles {
    private static final String LICENSE = "LICENSE";
    /** The tree's .gitattributes files only: no repository or user attribute files. */
    private static final AttributesNodeProvider TREE_ONLY = new AttributesNodeProvider() {
        @Override
        public AttributesNode getInfoAttributesNode() {
            return null;
        }

        @Override
        public AttributesNode getGlobalAttributesNode() {
            return null;
        }
    };

    private GitModuleFiles() {
    }

    /**
     * Lists the module files of {@code subdir} ("" for the repository root) at {@code commit}.
     *
     * @throws GitSourceException if the commit cannot be read or its attribute files cannot be
     *                            applied as git would
     */
    public static List<ZipSource> list(Repository repo, ObjectId commit, String subdir) {
        String dir = subdir.isEmpty() || subdir.endsWith("/") ? subdir : subdir + "/";
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(commit);
            GitAttributesFiles.check(repo, c.getTree(), dir);
            List<ZipSource> files = new ArrayList<>();
            boolean haveLicense = false;
            try (TreeWalk tw = new TreeWalk(repo)) {
                tw.addTree(c.getTree());
                tw.setRecursive(true);
                tw.setOperationType(TreeWalk.OperationType.CHECKOUT_OP);
                tw.setAttributesNodeProvider(TREE_ONLY);
                if (!dir.isEmpty()) {
                    tw.setFilter(PathFilter.create(dir.substring(0, dir.length() - 1)));
                }
                GitAttributeLookup attributes = GitAttributeLookup.of(tw, repo, c.getTree());
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
                    files.add(source(repo, name, tw, mode, attributes));
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
            throw new GitSourceException("cannot read commit " + commit.name() + " of " + repo.getIdentifier()
                    + ": " + e.getMessage(), "check that the repository is complete (git fsck)", e);
        }
    }

    private static ZipSource source(Repository repo, String name, TreeWalk tw, FileMode mode,
            GitAttributeLookup attributes) throws IOException {
        ObjectId blob = tw.getObjectId(0);
        if (mode == FileMode.SYMLINK) {
            return new BlobSource(repo, name, blob, ZipSource.Kind.SYMLINK);
        }
        WorkTreeConversion conversion = WorkTreeConversion.of(attributes.getAttributes(), tw.getPathString());
        return conversion.changesNothing()
                ? new BlobSource(repo, name, blob, ZipSource.Kind.REGULAR)
                : new ConvertedBlobSource(repo, name, blob, conversion);
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
            return repo.getObjectDatabase().open(blob).openStream();
        }
    }

    /**
     * A blob whose bytes git converts on the way out. Like git, the conversion works on the whole
     * file in memory; neither its result nor its size is kept between calls.
     */
    private record ConvertedBlobSource(Repository repo, String path, ObjectId blob, WorkTreeConversion conversion)
            implements ZipSource {
        @Override
        public Kind kind() {
            return Kind.REGULAR;
        }

        @Override
        public long size() {
            try {
                return converted().length;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read blob " + blob.name() + " (" + path + ")", e);
            }
        }

        @Override
        public InputStream open() throws IOException {
            return new ByteArrayInputStream(converted());
        }

        private byte[] converted() throws IOException {
            byte[] raw = repo.getObjectDatabase().open(blob).getCachedBytes(Integer.MAX_VALUE - 8);
            return conversion.apply(raw, blob.name());
        }
    }
}
