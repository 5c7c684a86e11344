package dev.gosync.gomod.zip;

/**
 * A module zip just written.
 *
 * @param h1           its h1 hash, as go.sum and {@code .ziphash} record it, computed while writing
 * @param files        the number of files it holds
 * @param contentBytes the total uncompressed size of those files
 */
public record CreatedZip(String h1, int files, long contentBytes) {
}
