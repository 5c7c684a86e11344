package dev.gosync.agent.proxy;

import dev.gosync.gomod.module.Escaping;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes module versions into a directory in GOPROXY layout, for test proxies to serve. */
final class ProxyDir {
    static final String TIME = "2024-01-02T03:04:05Z";

    private final Path root;

    ProxyDir(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A complete, valid version: {@code .info}, {@code .mod}, {@code .zip}, and a line in {@code list}. */
    ProxyDir module(String path, String version) {
        info(path, version);
        mod(path, version);
        zip(path, version);
        return list(path, version);
    }

    ProxyDir info(String path, String version) {
        return write(path, version + ".info", "{\"Version\":\"" + version + "\",\"Time\":\"" + TIME + "\"}\n");
    }

    ProxyDir mod(String path, String version) {
        return write(path, version + ".mod", goMod(path));
    }

    ProxyDir zip(String path, String version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String prefix = path + "@" + version + "/";
            zip.putNextEntry(new ZipEntry(prefix + "go.mod"));
            zip.write(goMod(path).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(prefix + "m.go"));
            zip.write("package m\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(path, version + ".zip", bytes.toByteArray());
    }

    ProxyDir list(String path, String... lines) {
        Path list = dir(path).resolve("list");
        try {
            Files.createDirectories(list.getParent());
            for (String line : lines) {
                Files.writeString(list, line + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Any file under the module's {@code @v/} directory; the version part of the name is case-escaped. */
    ProxyDir write(String path, String fileName, String content) {
        return write(path, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    ProxyDir write(String path, String fileName, byte[] content) {
        int dot = fileName.lastIndexOf('.');
        String name = Escaping.escapeVersion(fileName.substring(0, dot)) + fileName.substring(dot);
        Path file = dir(path).resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code <escaped path>/@latest}. */
    ProxyDir latest(String path, String version) {
        Path file = root.resolve(Escaping.escapePath(path)).resolve("@latest");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{\"Version\":\"" + version + "\",\"Time\":\"" + TIME + "\"}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static String goMod(String path) {
        return "module " + path + "\n\ngo 1.21\n";
    }

    private Path dir(String path) {
        return root.resolve(Escaping.escapePath(path)).resolve("@v");
    }
}
