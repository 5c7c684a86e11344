package dev.gosync.serve.importer;

import dev.gosync.serve.mirror.Mirror;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverrides;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An import in a process of its own, for tests that kill it or run several at once.
 * Arguments: mirror directory, trust store, bundle. Prints the outcome and exits 0 on success.
 */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) {
        try (Mirror mirror = Mirror.open(Path.of(args[0]), true)) {
            ImportResult r = new Importer(mirror, ImportOptions.of(BundleTrust.load(Optional.of(Path.of(args[1])),
                    TrustOverrides.NONE))).importBundle(Path.of(args[2]), ImportListener.NONE);
            System.out.println(r.status() + " " + r.bundleId());
        }
    }
}
