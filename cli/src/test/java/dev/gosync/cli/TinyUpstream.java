package dev.gosync.cli;

import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.zip.ModuleZips;
import dev.gosync.gomod.zip.ZipSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The smallest export there is, for command-line tests: one dependency in a GOPROXY directory and
 * a project that requires it, with a go.sum made from the dependency's real hashes.
 */
final class TinyUpstream {
    static final ModuleVersion DEP = new ModuleVersion("example.com/dep", "v1.0.0");

    private TinyUpstream() {
    }

    /** Writes the GOPROXY directory to {@code dir/proxy} and the project to {@code dir/project}; returns the project. */
    static Path write(Path dir) {
        try {
            Path proxy = dir.resolve("proxy");
            byte[] goMod = ("module " + DEP.path() + "\n\ngo 1.21\n").getBytes(StandardCharsets.UTF_8);
            Path mod = proxy.resolve(ProxyLayout.mod(DEP));
            Files.createDirectories(mod.getParent());
            Files.write(mod, goMod);
            Files.writeString(proxy.resolve(ProxyLayout.info(DEP)), "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-02T03:04:05Z\"}");
            Files.writeString(proxy.resolve(ProxyLayout.list(DEP.path())), "v1.0.0\n");
            Path zip = proxy.resolve(ProxyLayout.zip(DEP));
            try (OutputStream out = Files.newOutputStream(zip)) {
                ModuleZips.create(DEP, List.of(ZipSource.of("go.mod", goMod),
                        ZipSource.of("dep.go", "package dep\n".getBytes(StandardCharsets.UTF_8))), out);
            }
            Path project = Files.createDirectories(dir.resolve("project"));
            Files.writeString(project.resolve("go.mod"), "module example.com/app\n\ngo 1.21\n\nrequire " + DEP.path()
                    + " " + DEP.version() + "\n");
            Files.writeString(project.resolve("go.sum"),
                    DEP.path() + " " + DEP.version() + " " + DirHash.hashZip(zip) + "\n"
                            + DEP.path() + " " + DEP.version() + "/go.mod " + DirHash.hashGoMod(goMod) + "\n");
            return project;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
