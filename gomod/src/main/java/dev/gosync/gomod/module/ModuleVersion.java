package dev.gosync.gomod.module;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.semver.Semver;
import java.util.Comparator;
import java.util.Objects;

/**
 * A module path and version, both unescaped. The version is normally canonical, but may be ""
 * (the main module, or a directory replacement) or "none" (a module dropped by MVS); no check
 * is made here, see {@link ModulePath#check}.
 *
 * @param path    the module path, such as {@code golang.org/x/text} or {@code rsc.io/quote/v3}
 * @param version the version, such as {@code v1.5.2}
 */
public record ModuleVersion(String path, String version) {
    /**
     * The order of x/mod's {@code module.Sort}: by path bytes, then by version precedence. A
     * version may carry a file suffix after a slash ({@code v1.2.3/go.mod}, as go.sum lines do),
     * which breaks ties by plain string order.
     */
    public static final Comparator<ModuleVersion> ORDER = ModuleVersion::compare;

    public ModuleVersion {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
    }

    /** {@code path@version}, or just the path when the version is empty. */
    @Override
    public String toString() {
        return version.isEmpty() ? path : path + "@" + version;
    }

    private static int compare(ModuleVersion a, ModuleVersion b) {
        if (!a.path.equals(b.path)) {
            return GoStrings.compare(a.path, b.path);
        }
        int slashA = a.version.indexOf('/');
        int slashB = b.version.indexOf('/');
        String va = slashA < 0 ? a.version : a.version.substring(0, slashA);
        String vb = slashB < 0 ? b.version : b.version.substring(0, slashB);
        if (!va.equals(vb)) {
            // Distinct spellings of one version (v1.2 and v1.2.0) tie here, and stay tied.
            return Semver.compare(va, vb);
        }
        String fileA = slashA < 0 ? "" : a.version.substring(slashA);
        String fileB = slashB < 0 ? "" : b.version.substring(slashB);
        return GoStrings.compare(fileA, fileB);
    }
}
