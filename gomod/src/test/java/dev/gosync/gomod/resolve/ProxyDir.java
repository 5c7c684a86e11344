package dev.gosync.gomod.resolve;

import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.zip.ModuleZips;
import dev.gosync.gomod.zip.ZipSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A directory in GOPROXY file layout written by a test: each version gets a {@code .mod}, a
 * {@code .info}, a {@code list} line and a small but valid zip made by gosync's own zip writer,
 * holding the go.mod and one Go file.
 */
final class ProxyDir {
    private final Path root;

    ProxyDir(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The GOPROXY value that reads this directory directly. */
    String fileUrl() {
        return root.toUri().toString();
    }

    /** Publishes mv with the given go.mod text. */
    void add(ModuleVersion mv, String goMod) {
        try {
            Path mod = root.resolve(ProxyLayout.mod(mv));
            Files.createDirectories(mod.getParent());
            Files.writeString(mod, goMod);
            Files.writeString(root.resolve(ProxyLayout.info(mv)),
                    "{\"Version\":\"" + mv.version() + "\",\"Time\":\"2024-01-02T03:04:05Z\"}");
            Files.writeString(root.resolve(ProxyLayout.list(mv.path())), mv.version() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            try (OutputStream out = Files.newOutputStream(root.resolve(ProxyLayout.zip(mv)))) {
                ModuleZips.create(mv, List.of(ZipSource.of("go.mod", goMod.getBytes(StandardCharsets.UTF_8)),
                        ZipSource.of("p.go", "package p\n".getBytes(StandardCharsets.UTF_8))), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads go.mod files back as a module proxy would serve them. */
    GoModFetcher fetcher() {
        return mv -> {
            try {
                return Files.readAllBytes(root.resolve(ProxyLayout.mod(mv)));
            } catch (NoSuchFileException e) {
                throw new ModuleNotFoundException(mv + ": not found in " + root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
