package dev.gosync.serve.mirror;

/**
 * A mirror file as the index knows it.
 *
 * @param path its layout path, relative to the mirror root
 * @param size its length
 * @param sha256 the SHA-256 of its bytes, hex
 * @param h1 its go.sum hash for .mod and .zip files, else null
 * @param bundleId the bundle that brought it first
 */
public record IndexedFile(String path, long size, String sha256, String h1, String bundleId) {
}
