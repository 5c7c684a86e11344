package dev.gosync.gomod.resolve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which go.work file, if any, puts a directory in workspace mode, found the way the go command
 * finds it from the {@code GOWORK} setting: {@code off} means none; unset, empty or {@code auto}
 * means the nearest go.work in the directory or one of its parents; anything else must be the
 * absolute path of the file. The go command's one further rule, not to search above GOROOT, has
 * no counterpart here: gosync has no GOROOT.
 */
public final class WorkspaceFile {
    private WorkspaceFile() {
    }

    /**
     * The go.work file that governs dir under the given GOWORK value (null when unset), or empty
     * when dir is not in workspace mode. An absolute GOWORK is returned as given, normalized,
     * whether or not the file exists; reading it reports a missing file.
     *
     * @throws MainModuleException when GOWORK is a relative path, which the go command refuses
     */
    public static Optional<Path> locate(Path dir, String gowork) {
        String setting = gowork == null ? "" : gowork;
        switch (setting) {
            case "off":
                return Optional.empty();
            case "", "auto":
                return nearest(dir.toAbsolutePath().normalize());
            default:
                Path file = Path.of(setting);
                if (!file.isAbsolute()) {
                    throw new MainModuleException("invalid GOWORK=" + setting + ": not an absolute path",
                            "set GOWORK to the absolute path of a go.work file, or to off, or unset it");
                }
                return Optional.of(file.normalize());
        }
    }

    private static Optional<Path> nearest(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path file = d.resolve("go.work");
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
