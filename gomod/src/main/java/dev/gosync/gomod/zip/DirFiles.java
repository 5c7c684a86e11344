package dev.gosync.gomod.zip;

import dev.gosync.gomod.GoStrings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lists a module directory the way x/mod's {@code listFilesInDir} walks it: names in byte order,
 * links not followed, VCS metadata directories and nested-module directories skipped whole,
 * vendored packages and irregular files left out one by one.
 */
final class DirFiles {
    static final String VENDORED = "file is in vendor directory";
    static final String NOT_REGULAR = "not a regular file";
    private static final Set<String> VCS_DIRS = Set.of(".bzr", ".git", ".hg", ".svn");

    /** The regular files found, as zip sources in walk order, and what the walk itself left out. */
    record Listing(List<ZipSource> files, List<FileProblem> omitted) {
    }

    private final Path root;
    private final VendorRule vendor;
    private final List<ZipSource> files = new ArrayList<>();
    private final List<FileProblem> omitted = new ArrayList<>();

    private DirFiles(Path root, VendorRule vendor) {
        this.root = root;
        this.vendor = vendor;
    }

    /**
     * Walks dir.
     *
     * @throws ModuleZipException if a directory or file cannot be examined
     */
    static Listing list(Path dir) {
        DirFiles walk = new DirFiles(dir, VendorRule.forGoLine(rootGoVersion(dir)));
        try {
            walk.visit(dir, ".");
        } catch (IOException | DirectoryIteratorException e) {
            throw new ModuleZipException("cannot list module directory " + dir + ": " + e.getMessage(),
                    "check that the directory exists and is readable", e);
        }
        return new Listing(List.copyOf(walk.files), List.copyOf(walk.omitted));
    }

    private void visit(Path file, String rel) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (vendor.omits(rel)) {
            // A vendored directory is still walked, so each file below it is reported too.
            omitted.add(new FileProblem(rel, VENDORED));
            if (attrs.isDirectory()) {
                visitChildren(file, rel);
            }
            return;
        }
        if (attrs.isDirectory()) {
            if (!file.equals(root)) {
                if (VCS_DIRS.contains(file.getFileName().toString())) {
                    omitted.add(new FileProblem(rel, "directory is a version control repository"));
                    return;
                }
                if (holdsGoMod(file)) {
                    omitted.add(new FileProblem(rel, "directory is in another module"));
                    return;
                }
            }
            visitChildren(file, rel);
            return;
        }
        if (!attrs.isRegularFile()) {
            omitted.add(new FileProblem(rel, NOT_REGULAR));
            return;
        }
        files.add(new FileSource(rel, file, ZipSource.Kind.REGULAR, attrs.size()));
    }

    private void visitChildren(Path dir, String rel) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(child -> names.add(child.getFileName().toString()));
        }
        names.sort(GoStrings.BYTE_ORDER);
        for (String name : names) {
            visit(dir.resolve(name), rel.equals(".") ? name : rel + "/" + name);
        }
    }

    /** Whether dir holds an entry named go.mod that is not a directory (a link counts, as for x/mod). */
    private static boolean holdsGoMod(Path dir) {
        try {
            return !Files.readAttributes(dir.resolve("go.mod"), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    /** The go line of dir/go.mod, links followed; "" when it cannot be read. */
    private static String rootGoVersion(Path dir) {
        try (InputStream in = Files.newInputStream(dir.resolve("go.mod"))) {
            byte[] data = in.readNBytes(ModuleZips.MAX_GO_MOD + 1);
            return data.length > ModuleZips.MAX_GO_MOD ? "" : ModuleGoVersion.of(data);
        } catch (IOException e) {
            return "";
        }
    }
}
