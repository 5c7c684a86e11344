package dev.gosync.gomod.resolve;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.zip.ModuleZips;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where the resolver gets go.mod files of module versions: the {@code .mod} file of the GOPROXY
 * protocol. The resolver may call it from several threads at once (see
 * {@link Resolver#parallelism(int)}).
 */
@FunctionalInterface
public interface GoModFetcher {
    /**
     * The go.mod bytes of a canonical module version.
     *
     * @throws dev.gosync.gomod.store.ModuleNotFoundException when the source does not have it
     * @throws GosyncException                                when it cannot be fetched
     */
    byte[] goMod(ModuleVersion version);

    /** Reads {@code .mod} files from a module source, refusing ones larger than the go command accepts. */
    static GoModFetcher of(ModuleSource source) {
        return version -> {
            try (InputStream in = source.goMod(version)) {
                byte[] bytes = in.readNBytes(ModuleZips.MAX_GO_MOD + 1);
                if (bytes.length > ModuleZips.MAX_GO_MOD) {
                    throw new GosyncException(version + ": go.mod from " + source.describe() + " is larger than "
                            + ModuleZips.MAX_GO_MOD + " bytes", "the source serves a bad go.mod; use another source");
                }
                return bytes;
            } catch (IOException e) {
                throw new GosyncException(version + ": reading go.mod from " + source.describe() + ": " + e.getMessage(),
                        "check the connection to the module source and try again", e);
            }
        };
    }
}
