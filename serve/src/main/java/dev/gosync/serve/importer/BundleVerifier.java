package dev.gosync.serve.importer;

import dev.gosync.bundle.archive.BundleReader;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.VerifiedSigner;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.store.DirectoryTree;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.StoreException;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code gosync verify BUNDLE}: every check of an import, and nothing written anywhere but a
 * scratch directory that is deleted afterwards (a module zip must be on disk to be checked
 * against the zip rules and hashed: its directory is at its end).
 */
public final class BundleVerifier {
    static final String SCRATCH_PREFIX = "gosync-verify-";

    private final BundleTrust trust;
    private final Path scratchParent;

    /** @param scratchParent where the scratch directory goes, e.g. the system's temporary directory */
    public BundleVerifier(BundleTrust trust, Path scratchParent) {
        this.trust = trust;
        this.scratchParent = scratchParent;
    }

    /**
     * The outcome of a verification that found nothing wrong.
     *
     * @param bundleName the bundle as given
     * @param manifest its manifest
     * @param signer the signing key's fingerprint, or {@code unsigned}
     * @param principals the trust store's names for the signer
     * @param overrides the trust overrides it needed
     * @param elapsed how long it took
     */
    public record Result(String bundleName, Manifest manifest, String signer, List<String> principals,
            List<String> overrides, Duration elapsed) {
    }

    /** @throws GosyncException naming the first problem found */
    public Result verify(Path bundle, ImportListener listener) {
        long start = System.nanoTime();
        String name = bundle.toString();
        BundleTrust.Check check = trust.check();
        Path scratch;
        try {
            Files.createDirectories(scratchParent);
            deleteStaleScratch(scratchParent);
            scratch = Files.createTempDirectory(scratchParent, SCRATCH_PREFIX);
        } catch (IOException e) {
            throw new StoreException("cannot make a scratch directory in " + scratchParent + ": " + e,
                    "set TMPDIR (or java.io.tmpdir) to a writable directory", e);
        }
        try (BundleReader reader = Importer.open(bundle, check)) {
            Manifest m = reader.manifest();
            check.opened(m);
            List<String> overrides = check.overridesUsed().stream().map(TrustOverride::describe).toList();
            overrides.forEach(listener::notice);
            listener.opened(name, m, Importer.signerText(reader, check));
            ManifestRules.check(m, name);
            try (LayoutStore.Transaction tx = LayoutStore.create(scratch).begin()) {
                BundleContent.stage(reader, tx, name, listener);
                tx.abort();
            }
            return new Result(name, m, check.signerKey(), reader.signer().map(VerifiedSigner::principals)
                    .orElse(List.of()), overrides, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GosyncException e) {
            throw Importer.explain(e);
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * Removes scratch directories a killed verify left behind. Only ones older than a day: a
     * younger one may belong to a verify running right now.
     */
    private static void deleteStaleScratch(Path parent) {
        java.time.Instant dayAgo = java.time.Instant.now().minus(Duration.ofDays(1));
        try (java.util.stream.Stream<Path> entries = Files.list(parent)) {
            for (Path dir : (Iterable<Path>) entries::iterator) {
                if (dir.getFileName().toString().startsWith(SCRATCH_PREFIX) && Files.isDirectory(dir)
                        && Files.getLastModifiedTime(dir).toInstant().isBefore(dayAgo)) {
                    deleteTree(dir);
                }
            }
        } catch (IOException e) {
            // Only tidying up: a verify does not fail for it.
        }
    }

    private static void deleteTree(Path root) {
        try {
            DirectoryTree.delete(root);
        } catch (IOException e) {
            // Only scratch copies of verified files; the temporary directory's cleaner takes what is left.
        }
    }
}
