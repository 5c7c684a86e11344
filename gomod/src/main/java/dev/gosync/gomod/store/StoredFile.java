package dev.gosync.gomod.store;

import java.util.Objects;

/**
 * A file a {@link ModuleSink} has taken in.
 *
 * @param relativePath where it goes in the GOPROXY layout, escaped, such as
 *                     {@code github.com/!azure/sdk/@v/v1.0.0.zip}
 * @param size         its length in bytes
 * @param sha256       the SHA-256 of its bytes, in lower-case hex
 * @param h1           the go.sum hash ({@code h1:…}): always for a {@code .mod}, for a {@code .zip}
 *                     once asked for, never for a {@code .info}; otherwise null
 */
public record StoredFile(String relativePath, long size, String sha256, String h1) {
    public StoredFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(sha256, "sha256");
    }
}
