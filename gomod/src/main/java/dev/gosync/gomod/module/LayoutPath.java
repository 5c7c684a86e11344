package dev.gosync.gomod.module;

import java.util.Objects;

/**
 * One file of the GOPROXY layout, in unescaped terms: what it holds and for which module and
 * version. Built by {@link ProxyLayout#parse}, or directly for a path to write.
 *
 * @param kind    which file
 * @param path    the module path
 * @param version the canonical version for {@link Kind#INFO}, {@link Kind#MOD} and
 *                {@link Kind#ZIP}; "" for {@link Kind#LIST} and {@link Kind#LATEST}
 */
public record LayoutPath(Kind kind, String path, String version) {
    /** The files a module proxy serves for a module. */
    public enum Kind {
        /** {@code <module>/@v/list}: the known versions, one a line. */
        LIST(""),
        /** {@code <module>/@latest}: the .info JSON of the latest version. */
        LATEST(""),
        /** {@code <module>/@v/<version>.info}: version and time as JSON. */
        INFO(".info"),
        /** {@code <module>/@v/<version>.mod}: the go.mod file. */
        MOD(".mod"),
        /** {@code <module>/@v/<version>.zip}: the module zip. */
        ZIP(".zip");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        /** Whether the file belongs to one version rather than to the module. */
        public boolean perVersion() {
            return !suffix.isEmpty();
        }

        /** What follows the escaped version in the file name: ".info", ".mod", ".zip"; "" for per-module files. */
        public String suffix() {
            return suffix;
        }
    }

    public LayoutPath {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        if (!kind.perVersion() && !version.isEmpty()) {
            throw new IllegalArgumentException(kind + " is a per-module file and takes no version: " + version);
        }
    }

    /** The module and version; the version is "" for per-module files. */
    public ModuleVersion module() {
        return new ModuleVersion(path, version);
    }

    /**
     * The escaped relative path of the file, such as {@code github.com/!azure/sdk/@v/v1.0.0.zip}.
     *
     * @throws InvalidPathException if the module path is invalid
     * @throws dev.gosync.gomod.semver.InvalidVersionException if the version is invalid
     */
    public String relativePath() {
        return switch (kind) {
            case LIST -> ProxyLayout.list(path);
            case LATEST -> ProxyLayout.latest(path);
            case INFO -> ProxyLayout.info(module());
            case MOD -> ProxyLayout.mod(module());
            case ZIP -> ProxyLayout.zip(module());
        };
    }
}
