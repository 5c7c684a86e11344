package dev.gosync.gomod.store;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.zip.ModuleZips;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The three files of small module versions, made at test time by the module zip rules. */
final class TestModules {
    static final String TIME = "2021-03-04T05:06:07Z";

    private TestModules() {
    }

    /** The go.mod of a version; a {@code +incompatible} version has the synthesized one. */
    static byte[] goMod(ModuleVersion mv) {
        String text = mv.version().endsWith("+incompatible")
                ? "module " + mv.path() + "\n"
                : "module " + mv.path() + "\n\ngo 1.21\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The go command's cached form of the version's .info, with a fixed time. */
    static byte[] info(ModuleVersion mv) {
        return new RevInfo(mv.version(), TIME, null).toJson();
    }

    /** A module zip with a Go file naming the version, and the go.mod unless {@code +incompatible}. */
    static byte[] zip(ModuleVersion mv, Path scratch) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(scratch), "tree");
            if (!mv.version().endsWith("+incompatible")) {
                Files.write(dir.resolve("go.mod"), goMod(mv));
            }
            Files.writeString(dir.resolve("v.go"), "package v\n\nconst Version = \"" + mv.version() + "\"\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ModuleZips.createFromDir(mv, dir, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts all three files of mv. */
    static void putVersion(ModuleSink sink, ModuleVersion mv, Path scratch) {
        sink.put(mv, LayoutPath.Kind.ZIP, new ByteArrayInputStream(zip(mv, scratch)));
        sink.put(mv, LayoutPath.Kind.MOD, new ByteArrayInputStream(goMod(mv)));
        sink.put(mv, LayoutPath.Kind.INFO, new ByteArrayInputStream(info(mv)));
    }
}
