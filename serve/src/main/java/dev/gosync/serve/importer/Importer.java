package dev.gosync.serve.importer;

import dev.gosync.bundle.archive.BundleReader;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.VerifiedSigner;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.StoreConflictException;
import dev.gosync.gomod.store.StoredFile;
import dev.gosync.serve.mirror.AuditEvent;
import dev.gosync.serve.mirror.ImportRecord;
import dev.gosync.serve.mirror.Mirror;
import dev.gosync.serve.mirror.MirrorIndex;
import dev.gosync.serve.trust.BundleTrust;
import dev.gosync.serve.trust.TrustOverride;
import dev.gosync.serve.trust.TrustOverrides;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gosync import}: bundle → checks → mirror, one bundle at a time, each all or nothing.
 *
 * <ol>
 *   <li>The bundle is opened: manifest, then signature against the trust store (or an override).</li>
 *   <li>Every manifest row must be a module file of the GOPROXY layout within the go command's
 *       size limits ({@link ManifestRules}).</li>
 *   <li>Under the mirror's import lock (one import at a time, across processes), interrupted
 *       imports are finished or discarded; a bundle imported before is a no-op; the channel's
 *       chain must accept the bundle ({@link ChainRule}).</li>
 *   <li>Every file streams into the mirror's staging area, checked on the way
 *       ({@link BundleContent}): nothing is visible yet.</li>
 *   <li>The index records the bundle as publishing; the store commits (a file already in the
 *       mirror with other bytes refuses the whole bundle, naming each file with both hashes;
 *       otherwise a journal, then one rename per file, then the version lists); the index marks
 *       the bundle complete. A crash anywhere is finished or undone by the next import.</li>
 * </ol>
 *
 * <p>Every refusal and override lands in the mirror's audit log.
 */
public final class Importer {
    private final Mirror mirror;
    private final ImportOptions options;

    public Importer(Mirror mirror, ImportOptions options) {
        this.mirror = mirror;
        this.options = options;
    }

    /**
     * Imports one bundle (a file, or a split bundle's base name, first part or index).
     *
     * @throws GosyncException for every refusal; the mirror's module files are then unchanged
     */
    public ImportResult importBundle(Path bundle, ImportListener listener) {
        long start = System.nanoTime();
        String name = bundle.toString();
        BundleTrust.Check trust = options.trust().check();
        String bundleId = null;
        try (BundleReader reader = open(bundle, trust)) {
            Manifest m = reader.manifest();
            bundleId = m.id();
            trust.opened(m);
            List<String> overrides = new ArrayList<>(trust.overridesUsed().stream().map(TrustOverride::describe).toList());
            overrides.forEach(listener::notice);
            listener.opened(name, m, signerText(reader, trust));
            ManifestRules.check(m, name);
            try (Mirror.ImportLock lock = mirror.lockForImport(() -> listener.waitingForLock(mirror.root().toString()),
                    options.clock(), options.operator())) {
                MirrorIndex index = mirror.index();
                if (index.imported(m.id())) {
                    // Same manifest id is not same content: read it all, so damaged media is reported
                    // rather than passed off as a harmless repeat.
                    reader.verifyAll();
                    index.log(options.clock().instant(), options.operator(), AuditEvent.ALREADY_IMPORTED, m.id(),
                            "offered again from " + name + "; nothing changed");
                    return result(ImportResult.Status.ALREADY_IMPORTED, m, name, reader, trust, 0, overrides, start);
                }
                ChainRule.Decision chain = ChainRule.decide(m, trust.signerKey(),
                        index.head(m.channel(), trust.signerKey()), index::imported, options.allowRollback(),
                        options.allowMissingParent());
                if (chain.override() != null) {
                    overrides.add(chain.override());
                    listener.notice(chain.override());
                }
                int newFiles = publish(reader, m, name, trust, chain, overrides, listener);
                return result(ImportResult.Status.IMPORTED, m, name, reader, trust, newFiles, overrides, start);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GosyncException e) {
            GosyncException refusal = explain(e);
            logRefusal(bundleId, name, refusal);
            throw refusal;
        }
    }

    private int publish(BundleReader reader, Manifest m, String name, BundleTrust.Check trust,
            ChainRule.Decision chain, List<String> overrides, ImportListener listener) {
        MirrorIndex index = mirror.index();
        Instant started = options.clock().instant();
        try (LayoutStore.Transaction tx = mirror.store().begin()) {
            List<StoredFile> files = BundleContent.stage(reader, tx, name, listener);
            index.beginPublishing(new ImportRecord(m.id(), m.channel(), m.sequence(), m.parent(), m.created(),
                    trust.signerKey(), reader.signer().map(VerifiedSigner::principals).orElse(List.of()), m.tool(),
                    name, files, started, options.operator(), overrides, chain.advances()));
            try {
                tx.commit();
            } catch (StoreConflictException e) {
                index.discard(m.id(), options.clock().instant(), options.operator(), null);
                throw e;
            }
            // Any other commit failure leaves the record publishing: the next import settles it.
        }
        index.complete(m.id(), options.clock().instant(), options.operator(), AuditEvent.IMPORTED);
        return index.bundle(m.id()).map(b -> b.newFiles()).orElse(0);
    }

    private ImportResult result(ImportResult.Status status, Manifest m, String name, BundleReader reader,
            BundleTrust.Check trust, int newFiles, List<String> overrides, long start) {
        return new ImportResult(status, m.id(), name, m.channel(), m.sequence(), m.parent(), trust.signerKey(),
                reader.signer().map(VerifiedSigner::principals).orElse(List.of()), m.files().size(), m.totalSize(),
                newFiles, overrides, Duration.ofNanos(System.nanoTime() - start));
    }

    static BundleReader open(Path bundle, BundleTrust.Check trust) {
        return BundleReader.open(bundle, trust.policy());
    }

    static String signerText(BundleReader reader, BundleTrust.Check trust) {
        List<String> principals = reader.signer().map(VerifiedSigner::principals).orElse(List.of());
        return principals.isEmpty() ? trust.signerKey() : String.join(",", principals) + " (" + trust.signerKey() + ")";
    }

    /** Names the override flag where the bundle format's message could not know it. */
    static GosyncException explain(GosyncException e) {
        if (e instanceof SignatureException s && s.reason() == SignatureException.Reason.UNSIGNED) {
            return new SignatureException(s.reason(), s.getMessage(), "nothing was imported; import it only if you "
                    + "trust how it reached you, with " + TrustOverrides.UNSIGNED_FLAG + " (which is logged)", s);
        }
        return e;
    }

    private void logRefusal(String bundleId, String name, GosyncException refusal) {
        try {
            mirror.index().log(options.clock().instant(), options.operator(), AuditEvent.REFUSED, bundleId,
                    name + ": " + refusal.getMessage());
        } catch (GosyncException e) {
            refusal.addSuppressed(e);
        }
    }
}
