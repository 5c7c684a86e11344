package dev.gosync.gomod.resolve;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.module.InvalidPathException;
import dev.gosync.gomod.module.ModulePath;
import java.util.Objects;

/**
 * A module and a version query as the go command takes them on its command line
 * ({@code path@query}): a version ({@code v1.2.3}), a version prefix ({@code v1}, {@code v1.2}),
 * {@code latest}, {@code upgrade}, {@code patch}, a comparison ({@code <v1.3.0}, {@code >=v1.2.0}),
 * or a revision the source resolves itself (a branch, tag or commit hash).
 */
public record ModuleQuery(String path, String query) {
    private static final String REMEDY = "write a module query as path@version, such as example.com/m@v1.2.3 or example.com/m@latest";

    /** @throws ModuleQueryException if the path is not a valid module path or the query is malformed */
    public ModuleQuery {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        if (query.isEmpty() || query.startsWith("-") || query.startsWith("/")) {
            throw new ModuleQueryException(path + "@" + query + ": invalid module version " + GoStrings.quote(query), REMEDY);
        }
        try {
            ModulePath.checkPath(path);
        } catch (InvalidPathException e) {
            throw new ModuleQueryException(e.getMessage(), REMEDY, e);
        }
    }

    /**
     * Parses {@code path@query}; the query is everything after the first {@code @}.
     *
     * @throws ModuleQueryException if there is no {@code @} or either part is invalid
     */
    public static ModuleQuery parse(String arg) {
        int at = arg.indexOf('@');
        if (at < 0) {
            throw new ModuleQueryException(arg + ": missing @version", REMEDY);
        }
        return new ModuleQuery(arg.substring(0, at), arg.substring(at + 1));
    }

    @Override
    public String toString() {
        return path + "@" + query;
    }
}
