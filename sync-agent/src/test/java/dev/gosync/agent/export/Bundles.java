package dev.gosync.agent.export;

import dev.gosync.bundle.archive.BundleEntry;
import dev.gosync.bundle.archive.BundleReader;
import dev.gosync.bundle.archive.TrustPolicy;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.store.LayoutStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads exported bundles back for the tests, the way the isolated side will. */
final class Bundles {
    private Bundles() {
    }

    /**
     * Checks every file of the bundle and puts it into a mirror directory in GOPROXY layout, with
     * the {@code @v/list} files the store derives: what {@code gosync import} will do.
     */
    static Manifest unpack(Path bundle, TrustPolicy trust, Path mirror) {
        try (BundleReader reader = BundleReader.open(bundle, trust);
             LayoutStore.Transaction tx = LayoutStore.create(mirror).begin()) {
            for (Optional<BundleEntry> e = reader.next(); e.isPresent(); e = reader.next()) {
                LayoutPath file = ProxyLayout.parse(e.get().row().path());
                tx.put(file.module(), file.kind(), e.get().content());
            }
            tx.commit();
            return reader.manifest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest, read with integrity checks only. */
    static Manifest manifest(Path bundle) {
        try (BundleReader reader = BundleReader.open(bundle, TrustPolicy.integrityOnly())) {
            reader.verifyAll();
            return reader.manifest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
