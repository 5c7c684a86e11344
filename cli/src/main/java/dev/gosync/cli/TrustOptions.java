package dev.gosync.cli;

import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverrides;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The trust flags shared by {@code verify} and {@code import}. */
final class TrustOptions {
    @Option(names = "--trust", paramLabel = "FILE",
            description = "The trust store: an OpenSSH allowed_signers file (default: $XDG_CONFIG_HOME/gosync/"
                    + "allowed_signers or ~/.config/gosync/allowed_signers; see docs/import.md for macOS and Windows).")
    Path trust;

    @Option(names = TrustOverrides.UNSIGNED_FLAG, description = "Accept a bundle without signature (logged).")
    boolean allowUnsigned;

    @Option(names = TrustOverrides.UNTRUSTED_FLAG,
            description = "Accept a bundle signed by a key the trust store does not trust (logged).")
    boolean allowUntrusted;

    @Option(names = TrustOverrides.BAD_SIGNATURE_FLAG,
            description = "Accept a bundle whose signature does not verify (logged); file hashes are still checked.")
    boolean allowBadSignature;

    /** Reads the trust store, printing its notes (lines read but never used) as warnings. */
    BundleTrust load(PrintWriter err) {
        BundleTrust loaded = BundleTrust.load(Optional.ofNullable(trust),
                new TrustOverrides(allowUnsigned, allowUntrusted, allowBadSignature));
        loaded.notes().forEach(note -> err.println("warning: " + note));
        err.flush();
        return loaded;
    }
}
