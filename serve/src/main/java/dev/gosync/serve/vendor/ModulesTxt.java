package dev.gosync.serve.vendor;

import dev.gosync.gomod.GoPaths;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.resolve.ReplacementTarget;
import java.util.List;
import java.util.Optional;

/**
 * The text of {@code vendor/modules.txt}, line by line as {@code go mod vendor} writes it:
 *
 * <pre>
 * ## workspace                                   (go work vendor only)
 * # path version[ =&gt; replacement[ version]]      (one block per module, in module order)
 * ## explicit; go 1.21                           (required by a main go.mod; its go line)
 * path/of/a/package                              (the packages vendored from it, sorted)
 * # path[ version] =&gt; replacement[ version]      (then every other replace directive)
 * </pre>
 */
final class ModulesTxt {
    private final StringBuilder text = new StringBuilder();

    void workspace() {
        text.append("## workspace\n");
    }

    /** {@code # path version => target} for a module of the build list (or a replace directive's old side). */
    void module(ModuleVersion m, Optional<ReplacementTarget> replacement) {
        text.append(line(m, replacement));
    }

    void annotation(boolean explicit, String goVersion) {
        if (explicit && !goVersion.isEmpty()) {
            text.append("## explicit; go ").append(goVersion).append('\n');
        } else if (explicit) {
            text.append("## explicit\n");
        } else if (!goVersion.isEmpty()) {
            text.append("## go ").append(goVersion).append('\n');
        }
    }

    void packages(List<String> paths) {
        paths.forEach(p -> text.append(p).append('\n'));
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    String text() {
        return text.toString();
    }

    /**
     * One module line.
     *
     * @throws VendorException when the replacement is a directory inside {@code vendor/}, which
     *                         vendoring would overwrite
     */
    static String line(ModuleVersion m, Optional<ReplacementTarget> replacement) {
        StringBuilder b = new StringBuilder("# ").append(m.path());
        if (!m.version().isEmpty()) {
            b.append(' ').append(m.version());
        }
        if (replacement.isPresent()) {
            ReplacementTarget r = replacement.get();
            if (r instanceof ReplacementTarget.Directory dir && isInsideVendor(dir.shown())) {
                throw new VendorException("replacement path " + dir.shown() + " inside vendor directory",
                        "move the replacement module out of vendor/ and update the replace directive");
            }
            b.append(" => ").append(r.display());
        }
        return b.append('\n').toString();
    }

    private static boolean isInsideVendor(String dir) {
        String clean = GoPaths.clean(dir.replace('\\', '/'));
        return clean.equals("vendor") || clean.startsWith("vendor/");
    }
}
