package dev.gosync.gomod.module;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.semver.InvalidVersionException;

/**
 * Relative paths of the GOPROXY file layout, used alike by proxy URLs, {@code file://} mirrors
 * and {@code $GOMODCACHE/cache/download}: {@code <escaped path>/@v/list},
 * {@code <escaped path>/@v/<escaped version>.info|.mod|.zip} and {@code <escaped path>/@latest}.
 *
 * <p>Per-version files exist only for canonical versions that suit the module path; queries such
 * as branch names are not layout files. {@link #parse} holds incoming paths to the same rules,
 * so that a path it accepts names exactly one valid module file and can be joined to a storage
 * root without escaping it.
 */
public final class ProxyLayout {
    private static final String VERSIONS_DIR = "/@v/";
    private static final String LATEST = "/@latest";
    private static final String LIST = "list";

    private ProxyLayout() {
    }

    /** A relative path that is not one of the layout's files for a valid module and version. */
    public static final class InvalidLayoutPathException extends GosyncException {
        private final String relativePath;

        InvalidLayoutPathException(String relativePath, String reason, Throwable cause) {
            super("not a module proxy path " + GoStrings.quote(relativePath) + ": " + reason, null, cause);
            this.relativePath = relativePath;
        }

        /** The rejected path, exactly as given. */
        public String relativePath() {
            return relativePath;
        }
    }

    /**
     * {@code <escaped path>/@v/list}.
     *
     * @throws InvalidPathException if the module path is invalid
     */
    public static String list(String path) {
        return Escaping.escapePath(path) + VERSIONS_DIR + LIST;
    }

    /**
     * {@code <escaped path>/@latest}.
     *
     * @throws InvalidPathException if the module path is invalid
     */
    public static String latest(String path) {
        return Escaping.escapePath(path) + LATEST;
    }

    /**
     * {@code <escaped path>/@v/<escaped version>.info}.
     *
     * @throws InvalidPathException if the module path is invalid
     * @throws InvalidVersionException if the version is not canonical or does not suit the path
     */
    public static String info(ModuleVersion mv) {
        return versionFile(mv, LayoutPath.Kind.INFO);
    }

    /** {@code <escaped path>/@v/<escaped version>.mod}; fails like {@link #info}. */
    public static String mod(ModuleVersion mv) {
        return versionFile(mv, LayoutPath.Kind.MOD);
    }

    /** {@code <escaped path>/@v/<escaped version>.zip}; fails like {@link #info}. */
    public static String zip(ModuleVersion mv) {
        return versionFile(mv, LayoutPath.Kind.ZIP);
    }

    /**
     * Classifies a relative layout path, as found in a URL (already percent-decoded once) or a
     * directory listing, and unescapes its module path and version.
     *
     * @throws InvalidLayoutPathException unless the path is exactly what {@link #list},
     *     {@link #latest}, {@link #info}, {@link #mod} or {@link #zip} make for some valid module
     *     path and canonical version
     */
    public static LayoutPath parse(String relativePath) {
        int versions = relativePath.indexOf(VERSIONS_DIR);
        try {
            if (versions >= 0) {
                String escapedPath = relativePath.substring(0, versions);
                String file = relativePath.substring(versions + VERSIONS_DIR.length());
                if (file.equals(LIST)) {
                    return new LayoutPath(LayoutPath.Kind.LIST, Escaping.unescapePath(escapedPath), "");
                }
                for (LayoutPath.Kind kind : LayoutPath.Kind.values()) {
                    String suffix = kind.suffix();
                    if (kind.perVersion() && file.endsWith(suffix)) {
                        String path = Escaping.unescapePath(escapedPath);
                        String version = Escaping.unescapeVersion(file.substring(0, file.length() - suffix.length()));
                        requireCanonical(path, version);
                        return new LayoutPath(kind, path, version);
                    }
                }
            } else if (relativePath.endsWith(LATEST)) {
                String escapedPath = relativePath.substring(0, relativePath.length() - LATEST.length());
                return new LayoutPath(LayoutPath.Kind.LATEST, Escaping.unescapePath(escapedPath), "");
            }
        } catch (InvalidPathException | InvalidVersionException e) {
            throw new InvalidLayoutPathException(relativePath, e.getMessage(), e);
        }
        throw new InvalidLayoutPathException(relativePath,
                "expected <module>/@v/list, <module>/@latest or <module>/@v/<version>.info, .mod or .zip", null);
    }

    private static String versionFile(ModuleVersion mv, LayoutPath.Kind kind) {
        requireCanonical(mv.path(), mv.version());
        return Escaping.escapePath(mv.path()) + VERSIONS_DIR + Escaping.escapeVersion(mv.version()) + kind.suffix();
    }

    private static void requireCanonical(String path, String version) {
        ModulePath.check(path, version);
        String canonical = ModulePath.canonicalVersion(version);
        if (!canonical.equals(version)) {
            throw new InvalidVersionException(version,
                    path + "@" + version + ": invalid version: not canonical (the canonical form is " + canonical + ")",
                    "use the canonical version " + canonical);
        }
    }
}
