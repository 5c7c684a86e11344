package dev.gosync.gomod.resolve;

import dev.gosync.gomod.module.ModuleVersion;
import java.nio.file.Path;
import java.util.Objects;

/** What a {@code replace} directive substitutes for a module version: another module version, or a directory. */
public sealed interface ReplacementTarget {
    /** The target as {@code go list -m all} prints it after {@code =>}. */
    String display();

    /** A module version fetched in place of the replaced one; its files are what gets downloaded. */
    record Module(ModuleVersion module) implements ReplacementTarget {
        public Module {
            Objects.requireNonNull(module, "module");
        }

        @Override
        public String display() {
            return module.path() + " " + module.version();
        }
    }

    /**
     * A directory on this machine, read in place and never downloaded or checksummed.
     *
     * @param shown the directory as the go command shows it: as written in a go.mod outside a
     *              workspace, relative to the go.work directory (or absolute) inside one
     * @param dir   where it is, absolute and normalized
     */
    record Directory(String shown, Path dir) implements ReplacementTarget {
        public Directory {
            Objects.requireNonNull(shown, "shown");
            Objects.requireNonNull(dir, "dir");
        }

        @Override
        public String display() {
            return shown;
        }
    }
}
