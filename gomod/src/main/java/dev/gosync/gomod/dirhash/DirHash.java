package dev.gosync.gomod.dirhash;

import dev.gosync.gomod.GoPaths;
import dev.gosync.gomod.GoStrings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * The h1 hashes of the go command: of a list of files ({@code Hash1}), a module zip, a directory
 * tree, and a go.mod file. Contents stream through SHA-256; nothing is loaded whole.
 */
public final class DirHash {
    private static final String GO_MOD = "go.mod";

    private DirHash() {
    }

    /**
     * The h1 hash of the named files, opened one at a time through opener; names are sorted by
     * their UTF-8 bytes and a name listed twice counts twice, as in x/mod's {@code Hash1}.
     *
     * @throws DirHashException if a name holds a newline or a file cannot be read
     */
    public static String hash1(Collection<String> names, FileOpener opener) {
        Hash1Builder builder = new Hash1Builder();
        for (String name : names) {
            try (InputStream in = opener.open(name)) {
                builder.add(name, in);
            } catch (IOException e) {
                throw unreadable("file " + name, e);
            }
        }
        return builder.build();
    }

    /**
     * The h1 hash of a module zip, as x/mod's {@code HashZip} and the go command's
     * {@code .ziphash} compute it: every central-directory entry counts under its full name
     * (including the {@code path@version/} prefix), directory entries as empty files. Compression,
     * times, modes and entry order make no difference. Each entry's content must match its
     * declared size and CRC-32.
     *
     * @throws DirHashException if the zip or an entry cannot be read
     */
    public static String hashZip(Path zip) {
        try (ZipFile zf = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            return ZipDigests.hash(zf);
        } catch (InterruptedIOException e) {
            throw new DirHashException("hashing zip " + zip + " was interrupted",
                    "nothing is wrong with the zip; run the command again", e);
        } catch (IOException e) {
            throw new DirHashException("cannot hash zip " + zip + ": " + describe(e),
                    "the zip is corrupt or not a zip file; fetch it again", e);
        }
    }

    /**
     * The h1 hash of the files below dir, each named by {@link #dirFiles}, as x/mod's
     * {@code HashDir}. Symbolic links are not followed while walking but are hashed as the file
     * they point to.
     *
     * @throws DirHashException if dir is not a directory or a file cannot be read
     */
    public static String hashDir(Path dir, String prefix) {
        Map<String, Path> files = listDir(dir, prefix);
        return hash1(files.keySet(), name -> Files.newInputStream(files.get(name)));
    }

    /**
     * The names {@link #hashDir} hashes: every non-directory below dir (links included), named
     * prefix + "/" + its slash-separated relative path as Go's {@code path.Join} would join them,
     * in walk order (names in byte order within each directory).
     *
     * @throws DirHashException if dir is not a directory or cannot be read
     */
    public static List<String> dirFiles(Path dir, String prefix) {
        return new ArrayList<>(listDir(dir, prefix).keySet());
    }

    /** The go.mod hash of go.sum's {@code /go.mod} lines: h1 of a single file named {@code go.mod}. */
    public static String hashGoMod(byte[] goMod) {
        return hashGoMod(new ByteArrayInputStream(goMod));
    }

    /** Like {@link #hashGoMod(byte[])}, reading the content to its end without holding it. */
    public static String hashGoMod(InputStream goMod) {
        try {
            return new Hash1Builder().add(GO_MOD, Hash1Builder.digest(goMod)).build();
        } catch (IOException e) {
            throw unreadable("go.mod", e);
        }
    }

    private static Map<String, Path> listDir(Path dir, String prefix) {
        try {
            BasicFileAttributes root = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!root.isDirectory()) {
                throw new DirHashException("cannot hash " + dir + ": not a directory",
                        "pass the directory of the module tree", null);
            }
            Map<String, Path> files = new LinkedHashMap<>();
            walk(dir, "", prefix, files);
            return files;
        } catch (IOException | DirectoryIteratorException e) {
            throw unreadable("directory " + dir, e);
        }
    }

    private static void walk(Path dir, String rel, String prefix, Map<String, Path> files) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort((a, b) -> GoStrings.compare(a.getFileName().toString(), b.getFileName().toString()));
        for (Path child : children) {
            String childRel = rel.isEmpty() ? child.getFileName().toString() : rel + "/" + child.getFileName();
            if (Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
                walk(child, childRel, prefix, files);
            } else {
                files.put(prefix.isEmpty() ? childRel : GoPaths.clean(prefix + "/" + childRel), child);
            }
        }
    }

    private static DirHashException unreadable(String what, Exception e) {
        return new DirHashException("cannot hash " + what + ": " + describe(e), "check that it exists and is readable", e);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
