package dev.gosync.serve.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A checksum listing of a directory tree: every path (directories too, links as links) with the
 * SHA-256 of regular files. Two equal listings mean nothing was added, removed or changed.
 */
public final class TreeListing {
    private TreeListing() {
    }

    /** The listing of {@code root}, leaving out the subtree {@code excluded} (relative, or null). */
    public static Map<String, String> of(Path root, String excluded) {
        Map<String, String> listing = new TreeMap<>();
        if (!Files.exists(root)) {
            return listing;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String rel = root.relativize(p).toString();
                if (rel.isEmpty()) {
                    continue;
                }
                if (excluded != null && (rel.equals(excluded) || rel.startsWith(excluded + "/"))) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    listing.put(rel, "link -> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    listing.put(rel + "/", "dir");
                } else {
                    listing.put(rel, ModuleFiles.sha256(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return listing;
    }

    /** The listing of a mirror's served content: everything but gosync's own {@code .gosync} directory. */
    public static Map<String, String> mirror(Path root) {
        return of(root, ".gosync");
    }
}
