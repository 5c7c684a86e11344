package dev.gosync.agent.state;

import java.util.Objects;

/**
 * A file that already went out on a channel.
 *
 * @param path the file's path in GOPROXY layout, as in the manifest
 * @param sha256 the content it was shipped with
 * @param size its size in bytes
 * @param bundleId the bundle that first carried it
 */
public record ShippedFile(String path, String sha256, long size, String bundleId) {
    public ShippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(bundleId, "bundleId");
    }
}
