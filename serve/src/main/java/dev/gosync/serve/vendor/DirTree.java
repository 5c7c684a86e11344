package dev.gosync.serve.vendor;

import dev.gosync.gomod.GoStrings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A module in a directory on disk: a main module, or the target of a directory replacement. */
final class DirTree implements ModuleTree {
    private final Path root;
    private final String shown;

    DirTree(Path root, String shown) {
        this.root = root;
        this.shown = shown;
    }

    Path root() {
        return root;
    }

    private Path resolve(String path) {
        return path.isEmpty() ? root : root.resolve(path);
    }

    @Override
    public Optional<List<Entry>> list(String dir) {
        Path d = resolve(dir);
        if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && !(dir.isEmpty() && Files.isDirectory(d))) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(d)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                entries.add(new Entry(child.getFileName().toString(), kind(child, LinkOption.NOFOLLOW_LINKS)));
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + d, e);
        }
        entries.sort((a, b) -> GoStrings.compare(a.name(), b.name()));
        return Optional.of(entries);
    }

    @Override
    public Optional<Kind> lstat(String path) {
        Path p = resolve(path);
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? Optional.of(kind(p, LinkOption.NOFOLLOW_LINKS)) : Optional.empty();
    }

    @Override
    public Optional<Kind> stat(String path) {
        Path p = resolve(path);
        return Files.exists(p) ? Optional.of(kind(p)) : Optional.empty();
    }

    private static Kind kind(Path p, LinkOption... options) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, options);
            if (a.isSymbolicLink()) {
                return Kind.SYMLINK;
            }
            return a.isRegularFile() ? Kind.FILE : a.isDirectory() ? Kind.DIR : Kind.OTHER;
        } catch (IOException e) {
            return Kind.OTHER;
        }
    }

    @Override
    public byte[] read(String path) {
        try {
            return Files.readAllBytes(resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resolve(path), e);
        }
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    @Override
    public String describe() {
        return shown;
    }
}
