/**
 * Writing and reading bundle archives: a POSIX (pax) tar, compressed with zstd or gzip, whose
 * first entry is the manifest, second its signature (absent in unsigned bundles), and then the
 * files in manifest order. Output is deterministic; input is verified as it streams and
 * refuses anything the manifest does not account for.
 *
 * <p>By hand: {@code zstd -dc B.tar.zst | tar x} extracts the mirror tree plus
 * {@code .gosync-bundle/}, and {@code ssh-keygen -Y verify -f allowed_signers -I PRINCIPAL
 * -n gosync-bundle -s .gosync-bundle/manifest.json.sig < .gosync-bundle/manifest.json}
 * checks the signature.
 */
package dev.gosync.bundle.archive;
