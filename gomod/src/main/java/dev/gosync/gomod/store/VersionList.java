package dev.gosync.gomod.store;

import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.semver.Semver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A module's {@code @v/list}, derived from the {@code .mod} files beside it as the go command
 * derives the list in its download cache: a version is listed when its go.mod can be served,
 * whether or not its zip is present. The go command checks the file name itself, still escaped,
 * so a version with upper-case letters ({@code v1.0.0-!r!c1.mod}) is left out, while
 * pseudo-versions and {@code +incompatible} versions are listed. Sorted by semantic version.
 */
final class VersionList {
    static final String FILE = "list";
    private static final String MOD = ".mod";

    private VersionList() {
    }

    /**
     * The listed versions of the module whose {@code @v} directory is versionsDir, or null when it
     * holds no {@code .mod} file (the go command then has no list: the module is unknown).
     */
    static List<String> read(Path versionsDir) throws IOException {
        List<String> versions = new ArrayList<>();
        boolean anyMod = false;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(versionsDir, "*" + MOD)) {
            for (Path file : files) {
                anyMod = true;
                String name = file.getFileName().toString();
                String version = name.substring(0, name.length() - MOD.length());
                if (!version.isEmpty() && ModulePath.canonicalVersion(version).equals(version)) {
                    versions.add(version);
                }
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        Semver.sort(versions);
        return anyMod ? versions : null;
    }

    /**
     * The new content of versionsDir's list when it differs from what the {@code .mod} files
     * say, or null when the list is up to date.
     */
    static byte[] rebuilt(Path versionsDir) throws IOException {
        List<String> versions = read(versionsDir);
        StringBuilder text = new StringBuilder();
        if (versions != null) {
            versions.forEach(v -> text.append(v).append('\n'));
        }
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        Path list = versionsDir.resolve(FILE);
        if (Files.isRegularFile(list) && Arrays.equals(Files.readAllBytes(list), content)) {
            return null;
        }
        return content;
    }
}
