package dev.gosync.gomod.store;

import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process writing to a store, run in a child JVM by {@link LayoutStoreTest}: begins a
 * transaction, says {@code locked}, and commits once a line arrives on its input.
 */
public final class LockHolder {
    private LockHolder() {
    }

    /** Arguments: the store directory and a scratch directory. */
    public static void main(String[] args) throws IOException {
        LayoutStore store = LayoutStore.open(Path.of(args[0]));
        try (LayoutStore.Transaction tx = store.begin()) {
            TestModules.putVersion(tx, new ModuleVersion("example.com/m", "v1.0.0"), Path.of(args[1]));
            System.out.println("locked");
            System.out.flush();
            if (System.in.read() >= 0) {
                tx.commit();
            }
        }
    }
}
