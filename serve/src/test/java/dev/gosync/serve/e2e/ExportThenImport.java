package dev.gosync.serve.e2e;

import dev.gosync.agent.export.ExportInput;
import dev.gosync.agent.export.ExportListener;
import dev.gosync.agent.export.ExportRequest;
import dev.gosync.agent.export.ExportResult;
import dev.gosync.agent.export.ExportSettings;
import dev.gosync.agent.export.Exporter;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.serve.importer.ImportListener;
import dev.gosync.serve.importer.ImportOptions;
import dev.gosync.serve.importer.ImportResult;
import dev.gosync.serve.importer.Importer;
import dev.gosync.serve.mirror.Mirror;
import dev.gosync.serve.testing.Signers;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverrides;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps the end-to-end tests share, in a test's temporary directory: the go command downloads
 * every fixture version (the reference upstream); a signing key and the trust store that names it;
 * gosync exports the fixture project into a signed bundle; the bundle is imported into a mirror.
 */
final class ExportThenImport {
    static final String SIGNER = "release@example.com";

    private ExportThenImport() {
    }

    /** The go command's download directory after it fetched every fixture version in direct mode. */
    static Path goDownloadedUniverse(FixtureUniverse universe, Path sandboxDir, Path workDir) {
        GoSandbox go = universe.configure(GoSandbox.create(sandboxDir));
        List<String> args = new ArrayList<>(List.of("mod", "download"));
        universe.versions().forEach(v -> args.add(v.modulePath() + "@" + v.version()));
        go.goOk(workDir, args.toArray(String[]::new));
        return go.downloadDir();
    }

    /** Writes {@code tmp/signing-key} and returns the allowed_signers file that trusts it. */
    static Path signingKeyAndTrustStore(Path tmp) {
        Ed25519KeyPair key = KeyPairs.generate(SIGNER);
        KeyPairs.write(key, signingKey(tmp));
        return Signers.trustStore(tmp.resolve("allowed_signers"), key);
    }

    /** Exports the fixture project into {@code bundle}, signed with the key of {@link #signingKeyAndTrustStore}. */
    static ExportResult exportFixtureProject(ExportSettings settings, Path tmp, Path bundle) {
        return new Exporter(settings).export(ExportRequest.builder(bundle)
                .input(new ExportInput.Project(FixtureUniverse.writeProject(tmp.resolve("export-project"))))
                .signingKey(signingKey(tmp)).cacheDir(tmp.resolve("cache")).build(), ExportListener.NONE);
    }

    /** Imports {@code bundle} into {@code mirror} (created when missing), trusting {@code trust}. */
    static ImportResult importInto(Path mirror, Path bundle, Path trust) {
        try (Mirror m = Mirror.open(mirror, true)) {
            return new Importer(m, ImportOptions.of(BundleTrust.load(Optional.of(trust), TrustOverrides.NONE)))
                    .importBundle(bundle, ImportListener.NONE);
        }
    }

    private static Path signingKey(Path tmp) {
        return tmp.resolve("signing-key");
    }
}
