package dev.gosync.serve.vendor;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.resolve.MainModules;
import dev.gosync.gomod.resolve.WorkspaceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which main modules a project directory stands for, found the way the go command finds (or is
 * told) its go.work file, with {@code gosync vendor} playing both {@code go mod vendor} and
 * {@code go work vendor}:
 *
 * <ul>
 * <li>{@code GOWORK=off}: the module of the directory's go.mod, whatever go.work files exist
 *     ({@code go mod vendor} with workspace mode off).
 * <li>{@code GOWORK} unset, empty or {@code auto}: a go.work in the directory itself makes it the
 *     workspace root ({@code go work vendor} there). A go.work in a parent directory puts the go
 *     command in workspace mode, where {@code go mod vendor} refuses to run and
 *     {@code go work vendor} would write the vendor directory of that parent: refused, naming the
 *     go.work and both ways out. Otherwise the module of the directory.
 * <li>{@code GOWORK=/abs/file}: the workspace of that file when it lies in the directory (the
 *     vendor directory goes beside the go.work file, as {@code go work vendor} puts it); any other
 *     file is workspace mode for another directory: refused. A relative path is refused as the go
 *     command refuses it.
 * </ul>
 */
final class WorkspaceLookup {
    private static final String MOD_VENDOR_REFUSES = "'go mod vendor' cannot be run in workspace mode";

    private WorkspaceLookup() {
    }

    /**
     * The main modules of dir under the given GOWORK value (null when unset).
     *
     * @throws VendorException when the go command would be in workspace mode for another directory,
     *                         or GOWORK is not usable
     */
    static MainModules find(Path dir, String gowork) {
        Optional<Path> workFile;
        try {
            workFile = WorkspaceFile.locate(dir, gowork);
        } catch (GosyncException e) {
            throw new VendorException(e.getMessage(), e.remedy());
        }
        if (workFile.isEmpty()) {
            return MainModules.module(MainModules.moduleRoot(dir));
        }
        Path file = workFile.get();
        Path root = file.getParent() == null ? file : file.getParent();
        boolean fromSetting = gowork != null && !gowork.isEmpty() && !gowork.equals("auto");
        if (!root.equals(dir.toAbsolutePath().normalize())) {
            String why = fromSetting ? "GOWORK=" + gowork + " puts the go command in workspace mode for " + root
                    : dir + " is inside the workspace of " + file + ": the go command runs in workspace mode there";
            throw new VendorException(why + ", and " + MOD_VENDOR_REFUSES + " in " + dir,
                    "vendor the whole workspace, as 'go work vendor' does: gosync vendor --dir " + root
                            + "; or vendor this module alone: GOWORK=off gosync vendor");
        }
        if (!Files.isRegularFile(file)) {
            throw new VendorException("GOWORK=" + gowork + " names no file",
                    "create the workspace (go work init), point GOWORK at its go.work, or set GOWORK=off");
        }
        return MainModules.workspace(file);
    }
}
