package dev.gosync.gomod.zip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A {@link ZipSource} on the file system; kind and size are taken once, when it is listed, like x/mod's dirFile. */
record FileSource(String path, Path file, Kind kind, long size) implements ZipSource {

    static FileSource lstat(String path, Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new FileSource(path, file, kindOf(a), a.size());
    }

    static Kind kindOf(BasicFileAttributes a) {
        if (a.isRegularFile()) {
            return Kind.REGULAR;
        }
        if (a.isDirectory()) {
            return Kind.DIRECTORY;
        }
        return a.isSymbolicLink() ? Kind.SYMLINK : Kind.OTHER;
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }
}
