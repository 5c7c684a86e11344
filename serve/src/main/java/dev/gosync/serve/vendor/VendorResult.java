package dev.gosync.serve.vendor;

import dev.gosync.gomod.module.ModuleVersion;
import java.nio.file.Path;
import java.util.List;

/**
 * What a vendoring run wrote.
 *
 * @param vendorDir    the project's {@code vendor/} directory (absent when nothing was vendored)
 * @param modules      the modules listed in modules.txt, in its order, each with its package count
 * @param packages     how many packages were vendored
 * @param files        how many files were written, modules.txt included
 * @param bytes        their total size
 * @param zipsVerified how many module zips were read from the source and checked against go.sum
 * @param modulesTxt   the content of {@code vendor/modules.txt} ("" when nothing was vendored)
 */
public record VendorResult(Path vendorDir, List<VendoredModule> modules, int packages, int files, long bytes,
                           int zipsVerified, String modulesTxt) {
    public VendorResult {
        modules = List.copyOf(modules);
    }

    /** Whether the project needs nothing from other modules: then there is no vendor directory. */
    public boolean nothingToVendor() {
        return modulesTxt.isEmpty();
    }

    /** A module line of modules.txt and how many packages were vendored from it (0 for a requirement that provides none). */
    public record VendoredModule(ModuleVersion module, int packages) {
    }
}
