package dev.gosync.gomod.store;

import dev.gosync.gomod.module.ModuleVersion;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Anything that can answer the GOPROXY protocol's questions about modules: a proxy over HTTP, a
 * chain of proxies, a git repository, a mirror directory, a bundle. Every gosync command is a
 * copy from a source to a sink, so everything that reads modules speaks this interface.
 *
 * <p>"Not found" (HTTP 404/410, a missing file) is always reported as {@link ModuleNotFoundException},
 * never as another error: proxy chains fall through on it and on nothing else.
 */
public interface ModuleSource {
    /**
     * The tagged versions the source knows for {@code modulePath}, as its {@code @v/list} says
     * (unsorted, unfiltered: callers apply the go command's rules). Empty when the module is
     * known but has no tags.
     */
    List<String> versions(String modulePath);

    /** The {@code .info} of a canonical version. */
    RevInfo info(ModuleVersion version);

    /**
     * Resolves a query the source can answer itself ({@code @v/<query>.info}: a branch, a commit
     * hash, a non-canonical version) to a revision.
     */
    RevInfo query(String modulePath, String query);

    /** The source's {@code @latest} answer, or empty when it has none. */
    Optional<RevInfo> latest(String modulePath);

    /** The {@code .mod} bytes of a canonical version, exactly as hashed in go.sum. */
    InputStream goMod(ModuleVersion version);

    /** The module zip of a canonical version, streamed. */
    InputStream zip(ModuleVersion version);

    /** Where this source reads from, with credentials redacted, for messages and manifests. */
    String describe();
}
